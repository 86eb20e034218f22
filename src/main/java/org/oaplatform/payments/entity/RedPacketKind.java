package org.oaplatform.payments.entity;

/** One-to-one packets have a fixed amount for one named person; group packets split by luck or equally. */
public enum RedPacketKind {
    ONE_TO_ONE, LUCKY, EQUAL
}
