package org.oaplatform.broadcasts.entity;

/** WeChat's {@code msg_status} of {@code mass/get}. */
public enum BroadcastStatus {
    SENDING, SEND_SUCCESS, SEND_FAIL, DELETE
}
