package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.binarywang.wxpay.bean.notify.WxPayOrderNotifyResult;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderRequest;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryResult;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderResult;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.merchants.Shops.Shop;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/**
 * A merchant's life through WxJava's {@code WxPayService}, unmodified and pointed at this server by
 * {@code setApiHostUrl} only: becoming a merchant, NATIVE and JSAPI orders paid from wallets, order query and close,
 * the signed notification parsed by the SDK in a merchant server, and the ledger audit after each.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantPaymentsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private static String outTradeNo() {
        return "T" + System.currentTimeMillis() + TestData.digits(6);
    }

    private static WxPayUnifiedOrderRequest nativeOrder(String outTradeNo, int fen, String notifyUrl) {
        return WxPayUnifiedOrderRequest.newBuilder().body("Coffee 咖啡").outTradeNo(outTradeNo).totalFee(fen)
                .spbillCreateIp("203.0.113.7").notifyUrl(notifyUrl).tradeType("NATIVE").productId("sku-1")
                .attach("table 7").build();
    }

    @Test
    void nativeOrderScannedPaidQueriedAndNotified() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 10_000);
        try (MerchantServer merchantServer = new MerchantServer(0)) {
            WxPayService pay = PayClients.sdk(base, shop, null);
            String number = outTradeNo();
            WxPayUnifiedOrderResult placed = pay.unifiedOrder(nativeOrder(number, 1_250, merchantServer.notifyUrl()));
            assertTrue(placed.getCodeURL().startsWith("weixin://wxpay/bizpayurl?pr="), placed.getCodeURL());
            assertNotNull(placed.getPrepayId());
            WxPayUnifiedOrderResult again = pay.unifiedOrder(nativeOrder(number, 1_250, merchantServer.notifyUrl()));
            assertEquals(placed.getCodeURL(), again.getCodeURL(), "the same order again gets the same answer");
            assertEquals(placed.getPrepayId(), again.getPrepayId());
            assertEquals("NOTPAY", pay.queryOrder(null, number).getTradeState());

            Api.Reply scanned = payer.api().post("api/v1/payments/scans",
                    Json.createObjectBuilder().add("codeUrl", placed.getCodeURL()).build());
            assertEquals(200, scanned.status(), scanned.text());
            JsonObject order = scanned.json();
            assertEquals(1_250, order.getJsonNumber("amount").longValueExact());
            assertEquals(shop.mchId(), order.getString("mchId"));
            assertEquals("NOTPAY", order.getString("state"));

            String key = WalletData.key();
            Api.Reply paid = pay(payer.api(), order.getString("id"), WalletData.PIN, key);
            assertEquals(200, paid.status(), paid.text());
            assertEquals("SUCCESS", paid.json().getString("state"));
            Api.Reply retried = pay(payer.api(), order.getString("id"), WalletData.PIN, key);
            assertEquals(paid.text(), retried.text(), "a retry with the same key replays the first answer");
            assertEquals("true", retried.header("Idempotent-Replayed"));
            assertEquals(10_000 - 1_250, payer.balance(), "paid once, exactly");
            assertEquals(409, pay(payer.api(), order.getString("id"), WalletData.PIN, WalletData.key()).status(),
                    "a second payment of a paid order is refused");

            WxPayOrderQueryResult queried = pay.queryOrder(null, number);
            assertEquals("SUCCESS", queried.getTradeState());
            assertEquals(1_250, queried.getTotalFee());
            assertEquals(paid.json().getString("transactionId"), queried.getTransactionId());
            assertEquals(number, pay.queryOrder(queried.getTransactionId(), null).getOutTradeNo());
            WxPayException repaid = assertThrows(WxPayException.class,
                    () -> pay.unifiedOrder(nativeOrder(number, 1_250, merchantServer.notifyUrl())));
            assertEquals("ORDERPAID", repaid.getErrCode());

            String notification = merchantServer.next(Duration.ofSeconds(20));
            assertNotNull(notification, "the merchant was notified");
            WxPayOrderNotifyResult parsed = pay.parseOrderNotifyResult(notification);
            assertEquals("SUCCESS", parsed.getResultCode());
            assertEquals(number, parsed.getOutTradeNo());
            assertEquals(1_250, parsed.getTotalFee());
            assertEquals(queried.getTransactionId(), parsed.getTransactionId());
            assertEquals("table 7", parsed.getAttach());
            assertEquals(null, merchantServer.next(Duration.ofSeconds(6)), "SUCCESS ends the notifications");
        }
        Api.Reply merchant = shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid() + "/merchant");
        assertEquals(1_250, merchant.json().getJsonNumber("balance").longValueExact(), merchant.text());
        Api.Reply statement = payer.api().get("api/v1/wallet/transactions");
        JsonObject payment = statement.json().getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("MERCHANT_PAYMENT")).findFirst().orElseThrow();
        JsonObject shopShown = payment.getJsonObject("counterpart");
        assertEquals("MERCHANT", shopShown.getString("kind"), payment.toString());
        assertEquals(shop.mchId(), shopShown.getString("handle"));
        String accountName = shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid()).json()
                .getString("name");
        assertEquals(accountName, shopShown.getString("name"), "the statement names the shop");
        assertEquals("Coffee 咖啡", payment.getString("memo"));
        assertEquals("SUCCESS", payment.getString("status"));
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void jsapiOrdersArePaidOnlyByTheFollowerTheyName() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder follower = WalletData.holder(api, 5_000);
        Api.Reply followed = follower.api().post("api/v1/me/following",
                Json.createObjectBuilder().add("appid", shop.app().appid()).build());
        assertEquals(201, followed.status(), followed.text());
        String openid = shop.app().owner().get("cgi-bin/user/get?access_token=" + shop.app().token()).json()
                .getJsonObject("data").getJsonArray("openid").getValuesAs(JsonString.class).get(0).getString();
        WxPayService pay = PayClients.sdk(base, shop, "HMAC-SHA256");
        String number = outTradeNo();
        WxPayUnifiedOrderResult placed = pay.unifiedOrder(WxPayUnifiedOrderRequest.newBuilder().body("Ticket")
                .outTradeNo(number).totalFee(888).spbillCreateIp("203.0.113.7")
                .notifyUrl("http://127.0.0.1:9/wxpay/notify").tradeType("JSAPI").openid(openid).build());
        String prepayId = placed.getPrepayId();

        WalletData.Holder stranger = WalletData.holder(api, 5_000);
        Api.Reply refused = stranger.api().post("api/v1/payments/scans",
                Json.createObjectBuilder().add("prepayId", prepayId).build());
        assertEquals(404, refused.status(), refused.text());

        Api.Reply found = follower.api().post("api/v1/payments/scans",
                Json.createObjectBuilder().add("prepayId", prepayId).build());
        assertEquals(200, found.status(), found.text());
        String orderId = found.json().getString("id");
        assertEquals(404, pay(stranger.api(), orderId, WalletData.PIN, WalletData.key()).status());
        Api.Reply wrongPin = pay(follower.api(), orderId, "000000", WalletData.key());
        assertEquals(403, wrongPin.status(), wrongPin.text());
        Api.Reply paid = pay(follower.api(), orderId, WalletData.PIN, WalletData.key());
        assertEquals(200, paid.status(), paid.text());
        WxPayOrderQueryResult queried = pay.queryOrder(null, number);
        assertEquals("SUCCESS", queried.getTradeState());
        assertEquals(openid, queried.getOpenid());
        assertEquals("Y", queried.getIsSubscribe());
        assertEquals(5_000 - 888, follower.balance());
        assertEquals(5_000, stranger.balance());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void payersRacingForOneOrderPayItOnce() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WxPayUnifiedOrderResult placed = PayClients.sdk(base, shop, null)
                .unifiedOrder(nativeOrder(outTradeNo(), 700, "https://shop.example.com/notify"));
        List<WalletData.Holder> payers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            payers.add(WalletData.holder(api, 1_000));
        }
        String orderId = payers.get(0).api().post("api/v1/payments/scans",
                Json.createObjectBuilder().add("codeUrl", placed.getCodeURL()).build()).json().getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(payers.size() + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (WalletData.Holder payer : payers) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return pay(payer.api(), orderId, WalletData.PIN, WalletData.key()).status();
                }));
            }
            // The first payer also races itself under a second key.
            statuses.add(pool.submit(() -> {
                start.await();
                return pay(payers.get(0).api(), orderId, WalletData.PIN, WalletData.key()).status();
            }));
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, answered.stream().filter(s -> s == 200).count(), answered.toString());
            assertEquals(answered.size() - 1, answered.stream().filter(s -> s == 409).count(), answered.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4 * 1_000 - 700, payers.stream().mapToLong(WalletData.Holder::balance).sum());
        Api.Reply merchant = shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid() + "/merchant");
        assertEquals(700, merchant.json().getJsonNumber("balance").longValueExact(), merchant.text());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void closingFollowsWeChatsRules() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WxPayService pay = PayClients.sdk(base, shop, null);
        String number = outTradeNo();
        pay.unifiedOrder(nativeOrder(number, 100, "https://shop.example.com/notify"));
        WxPayException tooEarly = assertThrows(WxPayException.class, () -> pay.closeOrder(number));
        assertEquals("INVALID_REQUEST", tooEarly.getErrCode(), tooEarly.getErrCodeDes());
        assertEquals("ORDERNOTEXIST", assertThrows(WxPayException.class, () -> pay.closeOrder(outTradeNo()))
                .getErrCode());
        assertEquals("ORDERNOTEXIST", assertThrows(WxPayException.class, () -> pay.queryOrder(null, outTradeNo()))
                .getErrCode());

        String paidNumber = outTradeNo();
        WxPayUnifiedOrderResult placed = pay.unifiedOrder(nativeOrder(paidNumber, 300, "https://shop.example.com/n"));
        WalletData.Holder payer = WalletData.holder(api, 300);
        String orderId = payer.api().post("api/v1/payments/scans",
                Json.createObjectBuilder().add("codeUrl", placed.getCodeURL()).build()).json().getString("id");
        assertEquals(200, pay(payer.api(), orderId, WalletData.PIN, WalletData.key()).status());
        assertEquals("ORDERPAID", assertThrows(WxPayException.class, () -> pay.closeOrder(paidNumber)).getErrCode());

        Shop other = Shops.shop(api);
        WxPayService otherPay = PayClients.sdk(base, other, null);
        assertEquals("ORDERNOTEXIST", assertThrows(WxPayException.class, () -> otherPay.queryOrder(null, paidNumber))
                .getErrCode(), "another merchant's order numbers are not this merchant's");
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void badRequestsGetWeChatPayErrors() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WxPayService pay = PayClients.sdk(base, shop, null);
        String number = outTradeNo();
        pay.unifiedOrder(nativeOrder(number, 500, "https://shop.example.com/notify"));
        WxPayException reused = assertThrows(WxPayException.class,
                () -> pay.unifiedOrder(nativeOrder(number, 501, "https://shop.example.com/notify")));
        assertEquals("OUT_TRADE_NO_USED", reused.getErrCode());
        assertEquals("SUCCESS", reused.getReturnCode(), "a business error of a signed request");

        WxPayService wrongKey = PayClients.sdk(base, shop.app().appid(), shop.mchId(), "0".repeat(32), null);
        WxPayException forged = assertThrows(WxPayException.class, () -> wrongKey.queryOrder(null, number));
        assertEquals("FAIL", forged.getReturnCode());
        assertEquals("SIGNERROR", forged.getErrCode());
        WxPayService unknown = PayClients.sdk(base, shop.app().appid(), "1000000000", shop.apiKey(), null);
        assertEquals("MCHID_NOT_EXIST", assertThrows(WxPayException.class, () -> unknown.queryOrder(null, number))
                .getErrCode());
        Shop other = Shops.shop(api);
        WxPayService mismatched = PayClients.sdk(base, other.app().appid(), shop.mchId(), shop.apiKey(), null);
        assertEquals("APPID_MCHID_NOT_MATCH", assertThrows(WxPayException.class,
                () -> mismatched.queryOrder(null, number)).getErrCode());

        Api.Reply resetKey = shop.owner().api().post("api/v1/official-accounts/" + shop.app().appid()
                + "/merchant/api-key", "", "application/json");
        assertEquals(200, resetKey.status(), resetKey.text());
        assertEquals("SIGNERROR", assertThrows(WxPayException.class, () -> pay.queryOrder(null, number))
                .getErrCode(), "the old key stops working at once");
        WxPayService renewed = PayClients.sdk(base, shop.app().appid(), shop.mchId(),
                resetKey.json().getString("apiKey"), null);
        assertEquals("NOTPAY", renewed.queryOrder(null, number).getTradeState());
        RawPay.assertProtocolErrors(api, shop.app().appid(), shop.mchId(), resetKey.json().getString("apiKey"));
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void onlyVerifiedServiceAccountOwnersWithTheirOwnCardBecomeMerchants() {
        Api api = new Api(base);
        WalletData.Holder owner = WalletData.holder(api, 0);
        JsonObject unverified = owner.api().post("api/v1/official-accounts",
                TestData.serviceAccount(TestData.accountName("Unverified"))).json();
        Api.Reply refused = owner.api().post("api/v1/official-accounts/" + unverified.getString("appid")
                + "/merchant", Json.createObjectBuilder().add("settlementCardId", owner.cardId()).build());
        assertEquals(403, refused.status(), refused.text());
        TestData.App app = TestData.verifiedServiceAccount(owner.api());
        WalletData.Holder someoneElse = WalletData.holder(api, 0);
        Api.Reply foreignCard = owner.api().post("api/v1/official-accounts/" + app.appid() + "/merchant",
                Json.createObjectBuilder().add("settlementCardId", someoneElse.cardId()).build());
        assertEquals(404, foreignCard.status(), foreignCard.text());
        Api.Reply enrolled = owner.api().post("api/v1/official-accounts/" + app.appid() + "/merchant",
                Json.createObjectBuilder().add("settlementCardId", owner.cardId()).build());
        assertEquals(201, enrolled.status(), enrolled.text());
        assertTrue(enrolled.json().getString("mchId").matches("[1-9][0-9]{9}"), enrolled.text());
        assertTrue(enrolled.json().getString("apiKey").matches("[0-9a-f]{32}"), enrolled.text());
        Api.Reply twice = owner.api().post("api/v1/official-accounts/" + app.appid() + "/merchant",
                Json.createObjectBuilder().add("settlementCardId", owner.cardId()).build());
        assertEquals(409, twice.status(), twice.text());
        Api.Reply shown = owner.api().get("api/v1/official-accounts/" + app.appid() + "/merchant");
        assertEquals(200, shown.status(), shown.text());
        assertTrue(!shown.text().contains(enrolled.json().getString("apiKey")), "the key is shown once");
    }

    @Test
    void theSettlementCardStaysLinkedUntilTheOwnerNamesAnother() {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        Api owner = shop.owner().api();
        String merchant = "api/v1/official-accounts/" + shop.app().appid() + "/merchant";
        String first = shop.owner().cardId();
        Api.Reply kept = owner.delete("api/v1/wallet/cards/" + first);
        assertEquals(409, kept.status(), kept.text());
        assertEquals("settlement-card-in-use", kept.problem(), kept.text());
        assertTrue(kept.text().contains(shop.mchId()), kept.text());

        Api.Reply linked = WalletData.link(owner, SandboxCards.OK_DEBIT_2);
        assertEquals(201, linked.status(), linked.text());
        String second = linked.json().getString("id");
        WalletData.Holder stranger = WalletData.holder(api, 0);
        Api.Reply foreignCard = owner.put(merchant + "/settlement-card", choice(stranger.cardId()));
        assertEquals(404, foreignCard.status(), foreignCard.text());
        Api.Reply noCard = owner.put(merchant + "/settlement-card", Json.createObjectBuilder().build());
        assertEquals(400, noCard.status(), noCard.text());
        Api.Reply notTheOwner = stranger.api().put(merchant + "/settlement-card", choice(stranger.cardId()));
        assertTrue(notTheOwner.status() == 403 || notTheOwner.status() == 404, notTheOwner.text());
        assertEquals(first, owner.get(merchant).json().getString("settlementCardId"), "refusals changed nothing");

        Api.Reply changed = owner.put(merchant + "/settlement-card", choice(second));
        assertEquals(200, changed.status(), changed.text());
        assertEquals(second, changed.json().getString("settlementCardId"));
        assertEquals(204, owner.delete("api/v1/wallet/cards/" + first).status(), "the old card is free now");
        Api.Reply removedCard = owner.put(merchant + "/settlement-card", choice(first));
        assertEquals(404, removedCard.status(), removedCard.text());
        assertEquals(409, owner.delete("api/v1/wallet/cards/" + second).status());
    }

    private static JsonObject choice(String cardId) {
        return Json.createObjectBuilder().add("settlementCardId", cardId).build();
    }

    private static Api.Reply pay(Api person, String orderId, String pin, String key) {
        return Shops.pay(person, orderId, pin, key);
    }

    @Test
    void aStaticCodeTakesTheAmountThePayerTypes() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 5_000);
        try (MerchantServer merchantServer = new MerchantServer(0)) {
            String path = "api/v1/official-accounts/" + shop.app().appid() + "/merchant/static-code";
            Api.Reply issued = shop.owner().api().post(path, Json.createObjectBuilder()
                    .add("notifyUrl", merchantServer.notifyUrl()).build());
            assertEquals(200, issued.status(), issued.text());
            String codeUrl = issued.json().getString("codeUrl");
            assertTrue(codeUrl.startsWith("weixin://wxpay/bizpayurl?pr="), codeUrl);
            assertEquals(codeUrl, shop.owner().api().post(path, Json.createObjectBuilder()
                    .add("notifyUrl", merchantServer.notifyUrl()).build()).json().getString("codeUrl"),
                    "one static code per merchant");
            assertEquals(400, shop.owner().api().post(path, Json.createObjectBuilder()
                    .add("notifyUrl", "http://169.254.169.254/x").build()).status());
            int stranger = payer.api().post(path, Json.createObjectBuilder().build()).status();
            assertTrue(stranger == 403 || stranger == 404, "only the owner: " + stranger);

            Api.Reply scanned = payer.api().post("api/v1/payments/scans",
                    Json.createObjectBuilder().add("codeUrl", codeUrl).build());
            assertEquals(200, scanned.status(), scanned.text());
            assertEquals(shop.mchId(), scanned.json().getString("mchId"));
            assertTrue(scanned.json().getBoolean("amountRequired"), scanned.text());
            for (long bad : new long[] {0, -5, 5_000_001}) {
                assertEquals(400, payer.api().post("api/v1/payments/static-orders", Json.createObjectBuilder()
                        .add("codeUrl", codeUrl).add("amount", bad).build()).status(), "amount " + bad);
            }
            Api.Reply order = payer.api().post("api/v1/payments/static-orders", Json.createObjectBuilder()
                    .add("codeUrl", codeUrl).add("amount", 777).add("note", "table 4").build());
            assertEquals(201, order.status(), order.text());
            assertEquals(777, order.json().getJsonNumber("amount").longValueExact());
            Api.Reply paid = Shops.pay(payer.api(), order.json().getString("id"), WalletData.PIN, WalletData.key());
            assertEquals(200, paid.status(), paid.text());
            assertEquals(5_000 - 777, payer.balance());

            String notification = merchantServer.next(Duration.ofSeconds(20));
            assertNotNull(notification, "the static code's notify URL was told");
            WxPayOrderNotifyResult parsed = PayClients.sdk(base, shop, null).parseOrderNotifyResult(notification);
            assertEquals(777, parsed.getTotalFee());
            assertEquals("table 4", parsed.getAttach());
            assertTrue(parsed.getOutTradeNo().startsWith("static_"), parsed.getOutTradeNo());
            assertEquals("SUCCESS", PayClients.sdk(base, shop, null).queryOrder(null, parsed.getOutTradeNo())
                    .getTradeState());
        }
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void aStaticCodeWhoseNotifyUrlWasClearedNotifiesNobody() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 1_000);
        try (MerchantServer merchantServer = new MerchantServer(0)) {
            String path = "api/v1/official-accounts/" + shop.app().appid() + "/merchant/static-code";
            String codeUrl = shop.owner().api().post(path, Json.createObjectBuilder()
                    .add("notifyUrl", merchantServer.notifyUrl()).build()).json().getString("codeUrl");
            Api.Reply cleared = shop.owner().api().post(path, Json.createObjectBuilder().build());
            assertEquals(200, cleared.status(), cleared.text());
            assertEquals(codeUrl, cleared.json().getString("codeUrl"), "the printed code stays valid");
            assertTrue(!cleared.json().containsKey("notifyUrl") || cleared.json().isNull("notifyUrl"), cleared.text());

            Api.Reply order = payer.api().post("api/v1/payments/static-orders", Json.createObjectBuilder()
                    .add("codeUrl", codeUrl).add("amount", 250).build());
            assertEquals(201, order.status(), order.text());
            Api.Reply paid = Shops.pay(payer.api(), order.json().getString("id"), WalletData.PIN, WalletData.key());
            assertEquals(200, paid.status(), paid.text());
            assertEquals(1_000 - 250, payer.balance());
            // The first notification goes out right after the payment's commit; seconds of silence mean none.
            assertEquals(null, merchantServer.next(Duration.ofSeconds(8)), "no notify URL, no notification");
        }
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void aSuspendedMerchantIsAnsweredNoauthAndItsOrdersCannotBePaid() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 2_000);
        WxPayService pay = PayClients.sdk(base, shop, "HMAC-SHA256");
        String number = outTradeNo();
        String codeUrl = pay.unifiedOrder(nativeOrder(number, 300, "https://shop.example.com/notify")).getCodeURL();
        String orderId = payer.api().post("api/v1/payments/scans", Json.createObjectBuilder().add("codeUrl", codeUrl)
                .build()).json().getString("id");
        Api admin = api.as(TestData.adminSession(api));
        String suspension = "api/v1/admin/merchants/" + shop.mchId() + "/suspension";

        assertEquals(403, payer.api().put(suspension, Json.createObjectBuilder().add("reason", "x").build())
                .status(), "administrators only");
        assertEquals(400, admin.put(suspension, Json.createObjectBuilder().add("reason", " ").build()).status());
        Api.Reply suspended = admin.put(suspension, Json.createObjectBuilder().add("reason", "chargebacks").build());
        assertEquals(200, suspended.status(), suspended.text());
        assertEquals("chargebacks", suspended.json().getString("suspensionReason"));
        Api.Reply listed = admin.get("api/v1/admin/merchants");
        assertTrue(listed.text().contains(shop.mchId()), listed.text());

        WxPayException refused = assertThrows(WxPayException.class,
                () -> pay.unifiedOrder(nativeOrder(outTradeNo(), 100, "https://shop.example.com/notify")));
        assertEquals("NOAUTH", refused.getErrCode(), "signed, so the SDK reads the code: " + refused.getMessage());
        assertEquals("NOAUTH", assertThrows(WxPayException.class, () -> pay.queryOrder(null, number)).getErrCode());
        Api.Reply notPaid = Shops.pay(payer.api(), orderId, WalletData.PIN, WalletData.key());
        assertEquals(403, notPaid.status(), notPaid.text());
        assertEquals("merchant-suspended", notPaid.problem());
        assertEquals(2_000, payer.balance());

        Api.Reply resumed = admin.delete(suspension);
        assertEquals(200, resumed.status(), resumed.text());
        assertEquals("NOTPAY", pay.queryOrder(null, number).getTradeState());
        assertEquals(200, Shops.pay(payer.api(), orderId, WalletData.PIN, WalletData.key()).status());
        assertEquals(404, admin.put("api/v1/admin/merchants/0000000000/suspension",
                Json.createObjectBuilder().add("reason", "x").build()).status());
        WalletData.assertLedgerConsistent(api);
    }
}
