package org.oaplatform.payments.entity;

/** ACTIVE until every share is claimed (FINISHED) or 24 hours pass and the rest goes back (EXPIRED). */
public enum RedPacketStatus {
    ACTIVE, FINISHED, EXPIRED
}
