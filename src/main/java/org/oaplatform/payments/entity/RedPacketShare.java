package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One share of a red packet, drawn when the packet was sent, and who opened it. */
@Entity
@Table(name = "red_packet_share")
@NamedQuery(name = RedPacketShare.OF_PACKET, query = "SELECT s FROM RedPacketShare s WHERE s.packetId = :packet"
        + " ORDER BY s.seq")
@NamedQuery(name = RedPacketShare.BY_SEQ, query = "SELECT s FROM RedPacketShare s WHERE s.packetId = :packet"
        + " AND s.seq = :seq")
@NamedQuery(name = RedPacketShare.CLAIMED_BY, query = "SELECT COUNT(s) FROM RedPacketShare s"
        + " WHERE s.packetId = :packet AND s.claimerId = :person")
@NamedQuery(name = RedPacketShare.BY_POSTINGS, query = "SELECT s FROM RedPacketShare s WHERE s.postingId IN :postings")
public class RedPacketShare {

    public static final String OF_PACKET = "RedPacketShare.ofPacket";
    public static final String BY_SEQ = "RedPacketShare.bySeq";
    public static final String CLAIMED_BY = "RedPacketShare.claimedBy";
    public static final String BY_POSTINGS = "RedPacketShare.byPostings";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "packet_id", nullable = false, updatable = false)
    private long packetId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(name = "claimer_id")
    private Long claimerId;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "posting_id")
    private Long postingId;

    @Column(name = "best_luck", nullable = false)
    private boolean bestLuck;

    protected RedPacketShare() {
    }

    public RedPacketShare(long packetId, int seq, long amount) {
        this.packetId = packetId;
        this.seq = seq;
        this.amount = amount;
    }

    public long packetId() {
        return packetId;
    }

    public int seq() {
        return seq;
    }

    public long amount() {
        return amount;
    }

    public Long claimerId() {
        return claimerId;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public boolean isClaimed() {
        return claimerId != null;
    }

    public boolean isBestLuck() {
        return bestLuck;
    }

    /** Taken by this person; paid by a posting made afterwards ({@link #paidBy}). */
    public void claim(long personId, Instant now) {
        if (claimerId != null) {
            throw new IllegalStateException("share " + seq + " of packet " + packetId + " is taken");
        }
        claimerId = personId;
        claimedAt = now;
    }

    public void paidBy(long postingId) {
        this.postingId = postingId;
    }

    public void markBestLuck() {
        bestLuck = true;
    }
}
