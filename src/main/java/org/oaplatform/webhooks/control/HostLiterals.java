package org.oaplatform.webhooks.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oaplatform.platform.control.BusinessException;

/**
 * Recognises hosts that are IP addresses rather than names, without asking DNS. A host whose last label is a number
 * is an IPv4 address to browsers and {@code inet_aton} (WHATWG URL standard), which also read decimal, octal and hex
 * and fewer than four parts; such spellings are refused, only plain dotted decimal is accepted.
 */
final class HostLiterals {

    private static final Pattern DOTTED_DECIMAL =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0[xX][0-9a-fA-F]*");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private HostLiterals() {
    }

    /** The address a host spells, or empty when it is a name to resolve. */
    static Optional<InetAddress> literalAddress(String host) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String bare = withoutBrackets(host);
        if (!bare.equals(host)) {
            if (!bare.contains(":") || !IPV6_LITERAL.matcher(bare).matches()) {
                throw refused("the server URL's IPv6 address is not valid (zone ids are not accepted)");
            }
            return Optional.of(parse(bare));
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (!NUMERIC_LABEL.matcher(lastLabel).matches()) {
            return Optional.empty();
        }
        if (!DOTTED_DECIMAL.matcher(name).matches()) {
            throw refused("the server URL's host " + host.toLowerCase(Locale.ROOT)
                    + " is a number but not a dotted-decimal IPv4 address");
        }
        return Optional.of(parse(name));
    }

    static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Only ever called on literals, for which the JDK does no lookup. */
    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw refused("the server URL's IP address is not valid");
        }
    }

    private static BusinessException refused(String detail) {
        return new BusinessException(WebhookError.SERVER_URL_REFUSED, detail);
    }
}
