package org.oaplatform.webhooks.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.oaplatform.platform.control.BusinessException;

/**
 * Decides whether the platform may call a URL that an operator typed (DESIGN.md "Outbound calls"): http or https
 * only, no credentials in it, and only to public addresses, so that a server URL cannot make us probe the
 * installation's own network or a cloud metadata endpoint. {@code OA_WEBHOOK_ALLOW_PRIVATE=true} (dev mode, tests)
 * opens loopback, private, link-local and unique-local addresses, where a developer's test server lives; metadata,
 * multicast, unspecified and reserved addresses stay closed whatever the setting.
 * <p>
 * A name can resolve differently at connect time (DNS rebinding), so {@link #checkUrl} at save time is not enough:
 * the caller resolves with {@link #resolve} and dials only an address that passed, or re-checks the address it
 * connected to with {@link #checkAddress}. Numeric hosts in spellings other than dotted decimal ({@code 2130706433},
 * {@code 0177.0.0.1}, {@code 0x7f.1}) are refused outright: resolvers disagree about what they mean.
 */
public final class OutboundUrlPolicy {

    private static final int MAX_URL_LENGTH = 1024;
    private static final Set<AddressKind> OPENED_BY_SETTING =
            EnumSet.of(AddressKind.LOOPBACK, AddressKind.PRIVATE, AddressKind.LINK_LOCAL, AddressKind.UNIQUE_LOCAL);

    private final boolean allowPrivate;

    public OutboundUrlPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Resolves a host name to all its addresses; {@code InetAddress::getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The URL if its shape is acceptable and its host, when it is an IP literal, is an allowed address. */
    public URI checkUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw refused("a server URL of 1 to " + MAX_URL_LENGTH + " characters is needed");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused("the server URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("the server URL must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("the server URL must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI gives no host for numeric spellings like 127.1; say why when that is the reason
            HostLiterals.literalAddress(hostPart(uri.getRawAuthority()));
            throw refused("the server URL has no valid host");
        }
        HostLiterals.literalAddress(host).ifPresent(this::checkAddress);
        return uri;
    }

    /** Every address the URL's host resolves to, each allowed; refused if any is not (a name must not mix). */
    public List<InetAddress> resolve(URI uri, Resolver resolver) {
        String host = checkUrl(uri.toString()).getHost();
        var literal = HostLiterals.literalAddress(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(HostLiterals.withoutBrackets(host));
        } catch (UnknownHostException e) {
            throw refused("the server's host name " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused("the server's host name " + host + " does not resolve");
        }
        List<InetAddress> all = List.of(addresses);
        all.forEach(this::checkAddress);
        return all;
    }

    /** The connect-time check on an address actually about to be dialled. */
    public void checkAddress(InetAddress address) {
        AddressKind kind = AddressKind.of(address);
        if (kind == AddressKind.PUBLIC || allowPrivate && OPENED_BY_SETTING.contains(kind)) {
            return;
        }
        String why = OPENED_BY_SETTING.contains(kind)
                ? " (allowed only where OA_WEBHOOK_ALLOW_PRIVATE=true)" : "";
        throw refused("the server URL leads to " + address.getHostAddress() + ", a "
                + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " address" + why);
    }

    private static String hostPart(String authority) {
        if (authority == null) {
            return "";
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        return port > 0 && !host.endsWith("]") ? host.substring(0, port) : host;
    }

    private static BusinessException refused(String detail) {
        return new BusinessException(WebhookError.SERVER_URL_REFUSED, detail);
    }
}
