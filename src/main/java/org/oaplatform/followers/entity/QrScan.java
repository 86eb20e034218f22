package org.oaplatform.followers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One scan of a QR code by a person, kept whether it started a follow or not, so that an account's scans can be
 * counted per scene and outcome (the follow itself keeps only the scene that started it).
 */
@Entity
@Table(name = "qr_scan")
@NamedQuery(name = QrScan.COUNT_BY_CODE_AND_OUTCOME, query = "SELECT s.qrCodeId, s.outcome, COUNT(s) FROM QrScan s"
        + " WHERE s.qrCodeId IN :codes GROUP BY s.qrCodeId, s.outcome")
public class QrScan {

    public static final String COUNT_BY_CODE_AND_OUTCOME = "QrScan.countByCodeAndOutcome";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "qr_code_id", nullable = false)
    private long qrCodeId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private QrScanOutcome outcome;

    protected QrScan() {
    }

    public QrScan(QrCode code, long personId, Instant scannedAt, QrScanOutcome outcome) {
        this.qrCodeId = code.id();
        this.personId = personId;
        this.scannedAt = scannedAt;
        this.outcome = outcome;
    }

    public Long id() {
        return id;
    }

    public long qrCodeId() {
        return qrCodeId;
    }

    public long personId() {
        return personId;
    }

    public Instant scannedAt() {
        return scannedAt;
    }

    public QrScanOutcome outcome() {
        return outcome;
    }
}
