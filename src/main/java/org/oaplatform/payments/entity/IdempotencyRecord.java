package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer to a money-moving request, kept under the client's Idempotency-Key to be replayed on retries. */
@Entity
@Table(name = "idempotency_record")
@NamedQuery(name = IdempotencyRecord.BY_KEY, query = "SELECT r FROM IdempotencyRecord r"
        + " WHERE r.personId = :person AND r.key = :key")
public class IdempotencyRecord {

    public static final String BY_KEY = "IdempotencyRecord.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "idem_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false, updatable = false, length = 64)
    private String fingerprint;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public Long id() {
        return id;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public boolean isAnswered() {
        return httpStatus != null;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String responseBody() {
        return responseBody;
    }

    public void answer(int status, String body) {
        httpStatus = status;
        responseBody = body;
    }
}
