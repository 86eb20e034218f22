package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.merchants.Shops.Shop;
import org.oaplatform.merchants.boundary.MerchantSettlements;
import org.oaplatform.merchants.boundary.MicropayReversals;
import org.oaplatform.merchants.boundary.PaymentCodes;
import org.oaplatform.merchants.boundary.UnpaidOrders;
import org.oaplatform.merchants.control.PaySignature;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.control.PaySignature.SignType;
import org.oaplatform.merchants.control.PayXml;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.payments.boundary.LedgerAudit;
import org.oaplatform.payments.control.BankGateway;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.WalletData;

/**
 * The merchant API's deadlines with the server's clock moved: an order closes only 5 minutes after it was placed and
 * then cannot be paid; a code_url runs out after 2 hours and the same order placed again gets a new one; a
 * notification the merchant refused is sent again on WeChat's schedule. Raw signed XML here: WxJava is not in the WAR.
 */
@ExtendWith(ArquillianExtension.class)
class MerchantTimeTravelIT {

    private static final Duration MARGIN = Duration.ofSeconds(2);

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock().addClasses(Shops.class, Shops.Shop.class, RawPay.class,
                MerchantServer.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    LedgerAudit audit;

    @Inject
    MerchantSettlements settlements;

    @Inject
    MicropayReversals reversals;

    @Inject
    UnpaidOrders unpaidOrders;

    @Resource(lookup = "jdbc/oaplatform")
    DataSource database;

    @AfterEach
    void ledgerHoldsAndBackToNow() {
        clock.reset();
        var run = audit.run();
        assertTrue(run.passed(), "ledger audit failed: " + run.findings());
    }

    private static Map<String, String> request(Shop shop, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", shop.app().appid());
        fields.put("mch_id", shop.mchId());
        fields.put("nonce_str", "n" + System.nanoTime());
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        fields.put("sign", PaySignature.sign(fields, SignType.MD5, shop.apiKey()));
        return fields;
    }

    private static Map<String, String> call(Api api, Shop shop, String path, Map<String, String> fields) {
        Map<String, String> answer = RawPay.post(api, path, PayXml.write(fields));
        assertEquals("SUCCESS", answer.get("return_code"), answer.toString());
        assertTrue(PaySignature.verify(answer, SignType.MD5, shop.apiKey()), "signed: " + answer);
        return answer;
    }

    private static Map<String, String> place(Api api, Shop shop, String outTradeNo, String notifyUrl) {
        Map<String, String> fields = RawPay.signedOrder(shop.app().appid(), shop.mchId(), shop.apiKey());
        fields.put("out_trade_no", outTradeNo);
        fields.put("notify_url", notifyUrl);
        fields.remove("sign");
        fields.put("sign", PaySignature.sign(fields, SignType.MD5, shop.apiKey()));
        return call(api, shop, "pay/unifiedorder", fields);
    }

    private static void payScanned(WalletData.Holder payer, String codeUrl) {
        Api.Reply paid = Shops.pay(payer.api(), scan(payer, codeUrl).json().getString("id"), WalletData.PIN,
                WalletData.key());
        assertEquals(200, paid.status(), paid.text());
    }

    private static Api.Reply scan(WalletData.Holder payer, String codeUrl) {
        return payer.api().post("api/v1/payments/scans", Json.createObjectBuilder().add("codeUrl", codeUrl).build());
    }

    @Test
    void anOrderClosesFiveMinutesAfterItWasPlacedAndCannotBePaidThen() {
        Api api = new Api(base.toString(), "10.9.0.1");
        Shop shop = Shops.shop(api);
        String number = "CLOSE" + System.nanoTime();
        String codeUrl = place(api, shop, number, "https://shop.example.com/notify").get("code_url");
        clock.advance(Duration.ofMinutes(5).minus(MARGIN));
        assertEquals("INVALID_REQUEST", call(api, shop, "pay/closeorder", request(shop, "out_trade_no", number))
                .get("err_code"));
        clock.advance(MARGIN.multipliedBy(2));
        Map<String, String> closed = call(api, shop, "pay/closeorder", request(shop, "out_trade_no", number));
        assertEquals("SUCCESS", closed.get("result_code"), closed.toString());
        assertEquals("CLOSED", call(api, shop, "pay/orderquery", request(shop, "out_trade_no", number))
                .get("trade_state"));
        assertEquals("ORDERCLOSED", call(api, shop, "pay/closeorder", request(shop, "out_trade_no", number))
                .get("err_code"));
        WalletData.Holder payer = WalletData.holder(api, 1_000);
        Api.Reply refused = scan(payer, codeUrl);
        assertEquals(409, refused.status(), refused.text());
        assertEquals("order-closed", refused.problem());
        assertEquals(1_000, payer.balance());
    }

    @Test
    void anUnpaidOrderEndsClosedAtItsTimeExpireOrAWeekAfterItWasPlaced() {
        Api api = new Api(base.toString(), "10.9.0.8");
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 1_000);
        String paid = paid(api, shop, payer, 100);
        String week = "WEEK" + System.nanoTime();
        place(api, shop, week, "https://shop.example.com/notify");
        String soon = "SOON" + System.nanoTime();
        Map<String, String> order = RawPay.signedOrder(shop.app().appid(), shop.mchId(), shop.apiKey());
        order.put("out_trade_no", soon);
        order.put("time_expire", PayTime.format(clock.clock().instant().plus(Duration.ofMinutes(30))));
        order.remove("sign");
        order.put("sign", PaySignature.sign(order, SignType.MD5, shop.apiKey()));
        call(api, shop, "pay/unifiedorder", order);

        clock.advance(Duration.ofMinutes(30).minus(MARGIN));
        unpaidOrders.closePastTheirTime();
        assertEquals("NOTPAY", tradeState(api, shop, soon));
        clock.advance(MARGIN.multipliedBy(2));
        unpaidOrders.closePastTheirTime();
        assertEquals("CLOSED", tradeState(api, shop, soon), "at its time_expire");
        assertEquals("NOTPAY", tradeState(api, shop, week));

        clock.advance(MerchantOrder.UNPAID_LIFETIME.minus(Duration.ofMinutes(30)));
        assertEquals("ORDERCLOSED", place(api, shop, week, "https://shop.example.com/notify").get("err_code"),
                "its week is over before the timer came");
        unpaidOrders.closePastTheirTime();
        assertEquals("CLOSED", tradeState(api, shop, week), "a week after it was placed");
        assertEquals("SUCCESS", tradeState(api, shop, paid), "a paid order is not touched");
        assertEquals(1_000 - 100, payer.balance());
    }

    private static String tradeState(Api api, Shop shop, String outTradeNo) {
        return call(api, shop, "pay/orderquery", request(shop, "out_trade_no", outTradeNo)).get("trade_state");
    }

    @Test
    void aCodeUrlRunsOutAfterTwoHoursAndTheSameOrderPlacedAgainGetsANewOne() {
        Api api = new Api(base.toString(), "10.9.0.2");
        Shop shop = Shops.shop(api);
        String number = "EXPIRE" + System.nanoTime();
        String first = place(api, shop, number, "https://shop.example.com/notify").get("code_url");
        clock.advance(Duration.ofHours(2).plus(MARGIN));
        WalletData.Holder payer = WalletData.holder(api, 1_000);
        Api.Reply late = scan(payer, first);
        assertEquals(410, late.status(), late.text());
        String second = place(api, shop, number, "https://shop.example.com/notify").get("code_url");
        assertNotEquals(first, second);
        Api.Reply found = scan(payer, second);
        assertEquals(200, found.status(), found.text());
        Api.Reply paid = Shops.pay(payer.api(), found.json().getString("id"), WalletData.PIN,
                WalletData.key());
        assertEquals(200, paid.status(), paid.text());
        assertEquals(1_000 - 100, payer.balance());
    }

    @Test
    void aRefusedNotificationIsSentAgainOnWeChatsSchedule() throws Exception {
        Api api = new Api(base.toString(), "10.9.0.3");
        Shop shop = Shops.shop(api);
        try (MerchantServer merchant = new MerchantServer(1)) {
            String number = "NOTIFY" + System.nanoTime();
            String codeUrl = place(api, shop, number, merchant.notifyUrl()).get("code_url");
            payScanned(WalletData.holder(api, 1_000), codeUrl);

            String refused = merchant.next(Duration.ofSeconds(20));
            assertNotNull(refused, "the first notification came");
            Map<String, String> first = PayXml.read(refused.getBytes(StandardCharsets.UTF_8));
            assertTrue(PaySignature.verify(first, SignType.MD5, shop.apiKey()), "signed: " + first);
            assertEquals(number, first.get("out_trade_no"));
            assertEquals("100", first.get("total_fee"));
            assertNull(merchant.next(Duration.ofSeconds(7)), "not again before 15 seconds");

            clock.advance(Duration.ofSeconds(15));
            String again = merchant.next(Duration.ofSeconds(20));
            assertNotNull(again, "sent again after 15 seconds");
            Map<String, String> second = PayXml.read(again.getBytes(StandardCharsets.UTF_8));
            assertEquals(first.get("transaction_id"), second.get("transaction_id"));
            assertTrue(PaySignature.verify(second, SignType.MD5, shop.apiKey()));
            clock.advance(Duration.ofMinutes(1));
            assertNull(merchant.next(Duration.ofSeconds(7)), "SUCCESS ended the notifications");
        }
    }

    @Test
    void aKeyThePlatformCannotReadFailsItsAttemptsOnScheduleUntilTheOwnerResetsIt() throws Exception {
        Api api = new Api(base.toString(), "10.9.0.4");
        Shop shop = Shops.shop(api);
        try (MerchantServer merchant = new MerchantServer(0)) {
            String number = "UNSEALED" + System.nanoTime();
            String codeUrl = place(api, shop, number, merchant.notifyUrl()).get("code_url");
            // As after a restart under another OA_SECRET_KEY: the sealed key no longer opens.
            sql("UPDATE merchant SET api_key_sealed = ? WHERE mch_id = ?",
                    Base64.getEncoder().encodeToString(new byte[48]), shop.mchId());

            Map<String, String> refused = RawPay.post(api, "pay/orderquery",
                    PayXml.write(request(shop, "out_trade_no", number)));
            assertEquals("FAIL", refused.get("return_code"), refused.toString());
            assertTrue(refused.get("return_msg").contains("OA_SECRET_KEY"), refused.toString());

            payScanned(WalletData.holder(api, 1_000), codeUrl); // the payment does not need the merchant's key
            assertNull(merchant.next(Duration.ofSeconds(11)), "nothing can be signed");
            String[] state = notification(number);
            assertEquals("PENDING", state[0]);
            assertEquals("1", state[1], "one failed attempt, not one at every run of the timer");
            assertTrue(state[2].contains("OA_SECRET_KEY"), state[2]);

            Api.Reply reset = shop.owner().api().post("api/v1/official-accounts/" + shop.app().appid()
                    + "/merchant/api-key", Json.createObjectBuilder().build());
            assertEquals(200, reset.status(), reset.text());
            String newKey = reset.json().getString("apiKey");
            clock.advance(Duration.ofSeconds(15));
            String sent = merchant.next(Duration.ofSeconds(20));
            assertNotNull(sent, "the next attempt on schedule");
            Map<String, String> fields = PayXml.read(sent.getBytes(StandardCharsets.UTF_8));
            assertEquals(number, fields.get("out_trade_no"));
            assertTrue(PaySignature.verify(fields, SignType.MD5, newKey), "signed with the new key: " + fields);
            assertEquals("DELIVERED", Eventually.poll(Duration.ofSeconds(10), () -> notification(number)[0],
                    "DELIVERED"::equals));
        }
    }

    @Test
    void aNotificationThatCannotBeWrittenFailsOnScheduleNotAtEveryRun() throws Exception {
        Api api = new Api(base.toString(), "10.9.0.6");
        Shop shop = Shops.shop(api);
        String number = "UNWRITABLE" + System.nanoTime();
        String codeUrl = place(api, shop, number, "https://shop.example.com/notify").get("code_url");
        // Stored data that no longer makes a request: a host name with a space does not parse as a URI.
        sql("UPDATE merchant_order SET notify_url = ? WHERE out_trade_no = ?", "https://bad host/notify", number);

        payScanned(WalletData.holder(api, 1_000), codeUrl);
        String[] failed = Eventually.poll(Duration.ofSeconds(10), () -> notification(number),
                s -> "1".equals(s[1]) && "PENDING".equals(s[0]));
        assertEquals("1", failed[1], String.join(" ", failed));
        assertTrue(failed[2].startsWith("not sent: the notification could not be written"), failed[2]);
        assertEquals("1", Eventually.stays(Duration.ofSeconds(6), () -> notification(number)[1], "1"::equals),
                "not tried again at the next run of the timer, only on WeChat's schedule");
    }

    private void sql(String update, String... values) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(update)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            assertEquals(1, statement.executeUpdate(), update);
        }
    }

    /** The payment notification of this order: state, attempts, last error. */
    private String[] notification(String outTradeNo) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT n.state, n.attempts, n.last_error"
                        + " FROM pay_notification n JOIN merchant_order o ON o.id = n.order_id"
                        + " WHERE o.out_trade_no = ? AND n.seq = 0")) {
            statement.setString(1, outTradeNo);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "a notification of " + outTradeNo);
                return new String[] {row.getString(1), Integer.toString(row.getInt(2)), row.getString(3)};
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A NATIVE order of {@code fen} placed through the merchant API and paid by the payer; its out_trade_no. */
    private static String paid(Api api, Shop shop, WalletData.Holder payer, long fen) {
        Map<String, String> fields = RawPay.signedOrder(shop.app().appid(), shop.mchId(), shop.apiKey());
        fields.put("total_fee", Long.toString(fen));
        fields.remove("sign");
        fields.put("sign", PaySignature.sign(fields, SignType.MD5, shop.apiKey()));
        String codeUrl = call(api, shop, "pay/unifiedorder", fields).get("code_url");
        payScanned(payer, codeUrl);
        return fields.get("out_trade_no");
    }

    private static JsonObject onlySettlement(Shop shop, LocalDate day) {
        Api.Reply listed = shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid()
                + "/merchant/settlements");
        assertEquals(200, listed.status(), listed.text());
        List<JsonObject> ofDay = listed.array().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("businessDate").equals(day.toString())).toList();
        assertEquals(1, ofDay.size(), listed.text());
        return ofDay.get(0);
    }

    private static long balance(Shop shop) {
        return shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid() + "/merchant").json()
                .getJsonNumber("balance").longValueExact();
    }

    @Test
    void aDayIsSettledOnceLessTheFeeAndAFailedPayoutIsReversedAndSettledTheNextDay() {
        Api api = new Api(base.toString(), "10.9.0.4");
        Shop shop = Shops.shop(api);
        Shop failing = Shops.shop(api, SandboxCards.PAYOUT_FAILS_LATER);
        WalletData.Holder payer = WalletData.holder(api, 10_000);
        String coffee = paid(api, shop, payer, 1_250);
        paid(api, shop, payer, 83);
        paid(api, failing, payer, 2_000);
        Map<String, String> refunded = call(api, shop, "secapi/pay/refund", request(shop, "out_trade_no", coffee,
                "out_refund_no", "R-" + coffee, "total_fee", "1250", "refund_fee", "500"));
        assertEquals("SUCCESS", refunded.get("result_code"), refunded.toString());
        LocalDate today = PayTime.today(clock.clock().instant());

        clock.advance(Duration.ofDays(1));
        paid(api, shop, payer, 400);
        settlements.settleDay(today);
        assertEquals(0, settlements.settleDay(today), "a day is settled once");
        JsonObject settled = onlySettlement(shop, today);
        assertEquals(1_250 + 83 - 500, settled.getJsonNumber("amount").longValueExact(), settled.toString());
        assertEquals(8 + 0 - 3, settled.getJsonNumber("fee").longValueExact(), "0.6 % per transaction, half-up");
        assertEquals(833 - 5, settled.getJsonNumber("net").longValueExact());
        assertEquals("PROCESSING", settled.getString("status"));
        assertEquals(400, balance(shop), "what the account held at midnight went; the next day's payment stays");
        assertEquals(0, balance(failing));
        Api.Reply stranger = payer.api().get("api/v1/official-accounts/" + shop.app().appid()
                + "/merchant/settlements");
        assertTrue(stranger.status() == 403 || stranger.status() == 404, stranger.text());
        assertTrue(stranger.contentType().startsWith("application/problem+json"), stranger.contentType());
        assertNotNull(stranger.problem(), stranger.text());

        clock.advance(BankGateway.LONGEST_CALL.plusSeconds(5));
        settlements.reconcileProcessing();
        assertEquals("SUCCEEDED", onlySettlement(shop, today).getString("status"));
        assertEquals("FAILED", onlySettlement(failing, today).getString("status"));
        assertEquals(2_000, balance(failing), "the failed payout was reversed");

        clock.advance(Duration.ofDays(1));
        LocalDate next = today.plusDays(1);
        settlements.settleDay(next);
        JsonObject again = onlySettlement(failing, next);
        assertEquals(2_000, again.getJsonNumber("amount").longValueExact(), again.toString());
        assertEquals(12, again.getJsonNumber("fee").longValueExact(), "the failed day's fee is charged again");
        JsonObject nextDay = onlySettlement(shop, next);
        assertEquals(400, nextDay.getJsonNumber("amount").longValueExact(), nextDay.toString());
        assertEquals(2, nextDay.getJsonNumber("fee").longValueExact(), "settled with its own day's fee");
        assertEquals(0, balance(shop));
    }

    @Test
    void aMicropayWaitingForThePasswordIsRevokedAfterFortyFiveSeconds() {
        Api api = new Api(base.toString(), "10.9.0.5");
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 200_000);
        String code = payer.api().post("api/v1/wallet/payment-codes", Json.createObjectBuilder().build()).json()
                .getString("code");
        String number = "WAIT" + System.nanoTime();
        Map<String, String> waiting = call(api, shop, "pay/micropay", request(shop, "out_trade_no", number, "body",
                "Tea", "total_fee", "150000", "spbill_create_ip", "203.0.113.9", "auth_code", code));
        assertEquals("USERPAYING", waiting.get("err_code"), waiting.toString());
        assertEquals(1, payer.api().get("api/v1/payments/pending").array().size());

        clock.advance(PaymentCodes.PIN_WAIT.minus(MARGIN));
        assertEquals(0, reversals.revokeWaitedTooLong(), "still waiting");
        clock.advance(MARGIN.multipliedBy(2));
        reversals.revokeWaitedTooLong();
        assertEquals("REVOKED", call(api, shop, "pay/orderquery", request(shop, "out_trade_no", number))
                .get("trade_state"));
        assertEquals(0, payer.api().get("api/v1/payments/pending").array().size());
        assertEquals(200_000, payer.balance(), "nothing was taken");
    }

    /** A micropay below the no-PIN limit, paid at once from a fresh payment code of the payer; its out_trade_no. */
    private static String micropaid(Api api, Shop shop, WalletData.Holder payer, String prefix, long fen) {
        String code = payer.api().post("api/v1/wallet/payment-codes", Json.createObjectBuilder().build()).json()
                .getString("code");
        String number = prefix + System.nanoTime();
        Map<String, String> paid = call(api, shop, "pay/micropay", request(shop, "out_trade_no", number, "body",
                "Tea", "total_fee", Long.toString(fen), "spbill_create_ip", "203.0.113.9", "auth_code", code));
        assertEquals("SUCCESS", paid.get("result_code"), paid.toString());
        return number;
    }

    @Test
    void aMicropayIsReversedOnlyWithinSevenDaysAndAReversedOneAnswersTheSameAfterThem() {
        Api api = new Api(base.toString(), "10.9.0.6");
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 10_000);
        String kept = micropaid(api, shop, payer, "KEEP", 700);
        String undone = micropaid(api, shop, payer, "UNDO", 300);
        Map<String, String> reversed = call(api, shop, "secapi/pay/reverse", request(shop, "out_trade_no", undone));
        assertEquals("SUCCESS", reversed.get("result_code"), reversed.toString());
        assertEquals("N", reversed.get("recall"));
        assertEquals(10_000 - 700, payer.balance(), "the reversed payment went back");

        // The window counts from the order, and its end is exclusive: at exactly 7 days the order is out of reach.
        clock.advance(MicropayReversals.WINDOW);
        Map<String, String> late = call(api, shop, "secapi/pay/reverse", request(shop, "out_trade_no", kept));
        assertEquals("FAIL", late.get("result_code"), late.toString());
        assertEquals("REVERSE_EXPIRE", late.get("err_code"), late.toString());
        assertEquals("SUCCESS", call(api, shop, "pay/orderquery", request(shop, "out_trade_no", kept))
                .get("trade_state"), "a refused reversal changes nothing");
        assertEquals(10_000 - 700, payer.balance(), "nothing moved");

        Map<String, String> again = call(api, shop, "secapi/pay/reverse", request(shop, "out_trade_no", undone));
        assertEquals("SUCCESS", again.get("result_code"), "a done reversal is answered again: " + again);
        assertEquals("REVOKED", call(api, shop, "pay/orderquery", request(shop, "out_trade_no", undone))
                .get("trade_state"));
        assertEquals(10_000 - 700, payer.balance(), "and not made twice");
    }
}
