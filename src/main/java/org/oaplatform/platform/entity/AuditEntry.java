package org.oaplatform.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security-relevant action: who did what to which thing, when and from where. Never updated. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.BY_TARGET,
        query = "SELECT a FROM AuditEntry a WHERE a.target = :target ORDER BY a.id")
public class AuditEntry {

    public static final String BY_TARGET = "AuditEntry.byTarget";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 80)
    private String actor;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(length = 120)
    private String target;

    @Column(length = 1000)
    private String detail;

    @Column(name = "remote_address", length = 64)
    private String remoteAddress;

    @Column(name = "correlation_id", length = 64)
    private String correlationId;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String action, String target, String detail,
            String remoteAddress, String correlationId) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.remoteAddress = remoteAddress;
        this.correlationId = correlationId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
