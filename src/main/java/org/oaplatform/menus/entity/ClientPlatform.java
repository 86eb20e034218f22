package org.oaplatform.menus.entity;

import java.util.Arrays;
import java.util.Optional;

/** A follower's client as a conditional menu's {@code client_platform_type} names it (spec §3.4). */
public enum ClientPlatform {
    IOS(1), ANDROID(2), OTHER(3);

    private final int wireValue;

    ClientPlatform(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    public static Optional<ClientPlatform> byWireValue(int value) {
        return Arrays.stream(values()).filter(p -> p.wireValue == value).findFirst();
    }
}
