package org.oaplatform.followers.entity;

/** What a scan did, named as the event WeChat pushes for it (spec §2.3). */
public enum QrScanOutcome {
    /** The person did not follow the account and now does ({@code subscribe} with {@code qrscene_} key). */
    SUBSCRIBE,
    /** The person already followed the account ({@code SCAN}). */
    SCAN
}
