package org.oaplatform.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A text message waiting in (or delivered through) the durable SMS outbox. */
@Entity
@Table(name = "sms_outbox")
@NamedQuery(name = SmsMessage.RECENT, query = "SELECT m FROM SmsMessage m ORDER BY m.id DESC")
public class SmsMessage {

    public static final String RECENT = "SmsMessage.recent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(nullable = false, length = 500)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SmsMessage() {
    }

    public SmsMessage(String phone, String body, Instant createdAt) {
        this.phone = phone;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
