package org.oaplatform.officialaccounts.control;

import java.util.regex.Pattern;

/** Literal IP addresses as they may appear in a whitelist; never resolves names. */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {
    }

    public static boolean isLiteral(String address) {
        return address != null && (IPV4.matcher(address).matches()
                || address.indexOf(':') >= 0 && IPV6.matcher(address).matches());
    }
}
