package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oaplatform.platform.control.BusinessException;

class OutboundUrlPolicyTest {

    private final OutboundUrlPolicy strict = new OutboundUrlPolicy(false);
    private final OutboundUrlPolicy allowingPrivate = new OutboundUrlPolicy(true);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "8.8.8.8, PUBLIC",
        "203.0.114.1, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.128.0.1, PUBLIC",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "169.254.0.1, LINK_LOCAL",
        "169.254.169.254, CLOUD_METADATA",
        "169.254.170.2, CLOUD_METADATA",
        "100.100.100.200, CLOUD_METADATA",
        "168.63.129.16, CLOUD_METADATA",
        "192.0.0.192, CLOUD_METADATA",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED",
        "192.0.2.1, RESERVED",
        "198.18.0.1, RESERVED",
        "2606:4700:4700::1111, PUBLIC",
        "::, UNSPECIFIED",
        "::1, LOOPBACK",
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:169.254.169.254, CLOUD_METADATA",
        "::ffff:8.8.8.8, PUBLIC",
        "::127.0.0.1, LOOPBACK",
        "::10.0.0.1, PRIVATE",
        "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
        "64:ff9b::808:808, PUBLIC",
        "2002:7f00:1::, LOOPBACK",
        "2002:0808:0808::1, PUBLIC",
        "2001:0:4136:e378::1, RESERVED",
        "2001:db8::1, RESERVED",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "fec0::1, PRIVATE",
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456::1, UNIQUE_LOCAL",
        "fd00:ec2::254, CLOUD_METADATA",
        "ff02::1, MULTICAST",
        "100::1, RESERVED",
        "4000::1, RESERVED"})
    void classifiesAddresses(String literal, AddressKind expected) throws UnknownHostException {
        assertEquals(expected, AddressKind.of(InetAddress.getByName(literal)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "2606:4700:4700::1111"})
    void publicAddressesPassEitherWay(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertDoesNotThrow(() -> strict.checkAddress(address));
        assertDoesNotThrow(() -> allowingPrivate.checkAddress(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.1.1", "fd12::1", "::1", "fe80::1"})
    void theSettingOpensWhereATestServerLives(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertRefused(() -> strict.checkAddress(address), "OA_WEBHOOK_ALLOW_PRIVATE");
        assertDoesNotThrow(() -> allowingPrivate.checkAddress(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "0.0.0.0", "::", "224.0.0.1", "ff02::1",
        "255.255.255.255", "2001:db8::1"})
    void metadataMulticastUnspecifiedAndReservedStayClosed(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertRefused(() -> allowingPrivate.checkAddress(address), "address");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://127.0.0.1:8080/wx", "https://[::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
        "http://10.0.0.1/", "http://0.0.0.0:8080/"})
    void refusesLiteralAddressesInUrlsAtOnce(String url) {
        assertRefused(() -> strict.checkUrl(url), "address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://0x7f.0.0.1/",
        "http://127.1/", "http://127.0.1/", "http://010.0.0.1/", "http://8.8.8.08/", "http://1.2.3.4.5/",
        "http://256.1.1.1/", "http://example.0x10/", "http://3232235777./"})
    void refusesNumericHostsSpelledOtherThanDottedDecimalEvenWhenAllowingPrivate(String url) {
        assertRefused(() -> allowingPrivate.checkUrl(url), "dotted-decimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "//example.com/",
        "javascript:alert(1)", "example.com/wx", "http:///nohost", "http://exa mple.com/", "http://user:pw@example.com/",
        "http://evil.example@127.0.0.1/", "http://[fe80::1%25eth0]/", "http://[abc]/", "http://127.0.0.1.:8080/", ""})
    void refusesOtherSchemesCredentialsAndBrokenUrls(String url) {
        assertRefused(() -> allowingPrivate.checkUrl(url), "");
    }

    @Test
    void refusesNullAndOverlongUrls() {
        assertRefused(() -> strict.checkUrl(null), "characters");
        assertRefused(() -> strict.checkUrl("https://example.com/" + "a".repeat(1024)), "characters");
    }

    @Test
    void acceptsPublicUrlsAndNamesUntilTheyResolve() {
        assertEquals(URI.create("https://dev.example.com:8443/wx?x=1"),
                strict.checkUrl("https://dev.example.com:8443/wx?x=1"));
        assertDoesNotThrow(() -> strict.checkUrl("HTTP://8.8.8.8/wx"));
        assertDoesNotThrow(() -> strict.checkUrl("http://[2606:4700:4700::1111]:80/"));
        assertDoesNotThrow(() -> strict.checkUrl("http://1.2.3.4.nip.example/"));
    }

    @Test
    void checksEveryResolvedAddressSoRebindingIsCaughtAtConnectTime() throws UnknownHostException {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        URI url = URI.create("https://dev.example.com/wx");
        assertEquals(List.of(publicAddress), strict.resolve(url, host -> new InetAddress[] {publicAddress}));
        assertRefused(() -> strict.resolve(url, host -> new InetAddress[] {publicAddress, metadata}), "metadata");
        assertRefused(() -> strict.resolve(url, host -> {
            throw new UnknownHostException(host);
        }), "does not resolve");
        assertRefused(() -> strict.resolve(url, host -> new InetAddress[0]), "does not resolve");
        assertRefused(() -> strict.resolve(URI.create("http://localhost:8080/"),
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()}), "loopback");
    }

    @Test
    void resolvesLiteralsWithoutAskingTheResolver() {
        assertEquals(1, allowingPrivate.resolve(URI.create("http://127.0.0.1:9/"), host -> {
            throw new AssertionError("a literal needs no lookup");
        }).size());
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable check, String detail) {
        BusinessException refused = assertThrows(BusinessException.class, check);
        assertEquals(WebhookError.SERVER_URL_REFUSED, refused.code());
        assertTrue(refused.getMessage().contains(detail), refused.getMessage());
    }
}
