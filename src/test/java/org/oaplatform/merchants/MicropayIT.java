package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.binarywang.wxpay.bean.request.WxPayMicropayRequest;
import com.github.binarywang.wxpay.bean.request.WxPayOrderReverseRequest;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderRequest;
import com.github.binarywang.wxpay.bean.result.WxPayMicropayResult;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryResult;
import com.github.binarywang.wxpay.bean.result.WxPayOrderReverseResult;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import jakarta.json.JsonObject;
import java.net.URL;
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
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/** Payment codes scanned by merchants through WxJava's {@code micropay()}, and one code raced by three merchants. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicropayIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private static String outTradeNo() {
        return "M" + System.currentTimeMillis() + TestData.digits(6);
    }

    private static WxPayMicropayRequest micropay(String outTradeNo, int fen, String authCode) {
        return WxPayMicropayRequest.newBuilder().body("Tea 茶").outTradeNo(outTradeNo).totalFee(fen)
                .spbillCreateIp("203.0.113.9").authCode(authCode).attach("till 2").build();
    }

    private static String code(Api person) {
        Api.Reply issued = person.post("api/v1/wallet/payment-codes", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, issued.status(), issued.text());
        String code = issued.json().getString("code");
        assertTrue(code.matches("13[0-9]{16}"), code);
        return code;
    }

    @Test
    void aShownCodePaysOnceFromTheBalance() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 5_000);
        WxPayService pay = PayClients.sdk(base, shop, null);
        String code = code(payer.api());
        String number = outTradeNo();

        WxPayMicropayResult paid = pay.micropay(micropay(number, 1_800, code));
        assertEquals("SUCCESS", paid.getResultCode());
        assertEquals("MICROPAY", paid.getTradeType());
        assertEquals(1_800, paid.getTotalFee());
        assertEquals(28, paid.getTransactionId().length());
        assertEquals(5_000 - 1_800, payer.balance());
        WxPayMicropayResult again = pay.micropay(micropay(number, 1_800, code));
        assertEquals(paid.getTransactionId(), again.getTransactionId(), "the same micropay again: the same payment");
        assertEquals(5_000 - 1_800, payer.balance(), "paid once");

        WxPayOrderQueryResult queried = pay.queryOrder(null, number);
        assertEquals("SUCCESS", queried.getTradeState());
        assertEquals("MICROPAY", queried.getTradeType());
        assertEquals(paid.getTransactionId(), queried.getTransactionId());

        WxPayException reused = assertThrows(WxPayException.class,
                () -> pay.micropay(micropay(outTradeNo(), 100, code)));
        assertEquals("AUTH_CODE_INVALID", reused.getErrCode());
        WxPayException otherOrder = assertThrows(WxPayException.class,
                () -> pay.micropay(micropay(number, 900, code)));
        assertEquals("OUT_TRADE_NO_USED", otherOrder.getErrCode());
        for (String bad : List.of("12" + TestData.digits(16), "13" + TestData.digits(16), "13abc", "")) {
            WxPayException refused = assertThrows(WxPayException.class,
                    () -> pay.micropay(micropay(outTradeNo(), 100, bad.isEmpty() ? null : bad)));
            // WxJava refuses a missing auth_code itself, without an errCode; the server answers the others
            assertTrue("AUTH_CODE_INVALID".equals(refused.getErrCode()) || "LACK_PARAMS".equals(refused.getErrCode())
                    || String.valueOf(refused.getMessage()).contains("authCode"), bad + ": " + refused.getMessage());
        }

        WalletData.Holder poor = WalletData.holder(api, 50);
        String poorCode = code(poor.api());
        String poorNumber = outTradeNo();
        WxPayException notEnough = assertThrows(WxPayException.class,
                () -> pay.micropay(micropay(poorNumber, 51, poorCode)));
        assertEquals("NOTENOUGH", notEnough.getErrCode());
        assertEquals(50, poor.balance(), "nothing moved");
        WxPayException none = assertThrows(WxPayException.class, () -> pay.queryOrder(null, poorNumber));
        assertEquals("ORDERNOTEXIST", none.getErrCode(), "nothing half-written");
        assertEquals(50, pay.micropay(micropay(outTradeNo(), 50, poorCode)).getTotalFee(),
                "a code refused for want of money is still good");

        Api.Reply statement = payer.api().get("api/v1/wallet/transactions");
        assertTrue(statement.text().contains("MERCHANT_PAYMENT"), statement.text());
        Api.Reply merchant = shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid() + "/merchant");
        assertEquals(1_800 + 50, merchant.json().getJsonNumber("balance").longValueExact(), merchant.text());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void oneCodeRacedByThreeMerchantsIsUsedOnce() throws Exception {
        Api api = new Api(base);
        List<Shop> shops = List.of(Shops.shop(api), Shops.shop(api), Shops.shop(api));
        WalletData.Holder payer = WalletData.holder(api, 1_000);
        String code = code(payer.api());
        ExecutorService pool = Executors.newFixedThreadPool(shops.size());
        List<String> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (Shop shop : shops) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return PayClients.sdk(base, shop, null).micropay(micropay(outTradeNo(), 300, code))
                                .getResultCode();
                    } catch (WxPayException refused) {
                        return refused.getErrCode();
                    }
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outcomes.stream().filter("SUCCESS"::equals).count(), outcomes.toString());
        assertEquals(2, outcomes.stream().filter("AUTH_CODE_INVALID"::equals).count(), outcomes.toString());
        assertEquals(700, payer.balance());
        long received = 0;
        for (Shop shop : shops) {
            JsonObject merchant = shop.owner().api()
                    .get("api/v1/official-accounts/" + shop.app().appid() + "/merchant").json();
            received += merchant.getJsonNumber("balance").longValueExact();
        }
        assertEquals(300, received);
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void aboveTheNoPinLimitThePayerConfirmsWithThePasswordAndTheMerchantCanReverse() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 300_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String number = outTradeNo();
        String code = code(payer.api());

        WxPayException waiting = assertThrows(WxPayException.class,
                () -> pay.micropay(micropay(number, 150_000, code)));
        assertEquals("USERPAYING", waiting.getErrCode(), waiting.getMessage());
        assertEquals("USERPAYING", pay.queryOrder(null, number).getTradeState());
        assertEquals("USERPAYING", assertThrows(WxPayException.class,
                () -> pay.micropay(micropay(number, 150_000, code))).getErrCode(), "asked again: still waiting");
        assertEquals(300_000, payer.balance(), "nothing moves before the password");

        Api.Reply pending = payer.api().get("api/v1/payments/pending");
        assertEquals(200, pending.status(), pending.text());
        assertEquals(1, pending.array().size(), pending.text());
        String orderId = pending.array().getJsonObject(0).getString("id");
        assertEquals("USERPAYING", pending.array().getJsonObject(0).getString("state"));
        WalletData.Holder stranger = WalletData.holder(api, 0);
        assertEquals(404, Shops.pay(stranger.api(), orderId, WalletData.PIN, WalletData.key()).status(),
                "only the code's owner confirms");
        assertEquals(0, stranger.api().get("api/v1/payments/pending").array().size());
        Api.Reply wrongPin = Shops.pay(payer.api(), orderId, "000000", WalletData.key());
        assertTrue(wrongPin.status() >= 400 && wrongPin.status() < 500, wrongPin.text());
        Api.Reply confirmed = Shops.pay(payer.api(), orderId, WalletData.PIN, WalletData.key());
        assertEquals(200, confirmed.status(), confirmed.text());
        assertEquals(300_000 - 150_000, payer.balance());
        WxPayOrderQueryResult paid = pay.queryOrder(null, number);
        assertEquals("SUCCESS", paid.getTradeState());
        assertEquals(confirmed.json().getString("transactionId"), paid.getTransactionId());
        assertEquals(paid.getTransactionId(), pay.micropay(micropay(number, 150_000, code)).getTransactionId(),
                "the merchant's retry now answers the payment");

        WxPayOrderReverseResult reversed = pay.reverseOrder(WxPayOrderReverseRequest.newBuilder()
                .outTradeNo(number).build());
        assertEquals("N", reversed.getIsRecall());
        assertEquals(300_000, payer.balance(), "the payment went back");
        assertEquals("REVOKED", pay.queryOrder(null, number).getTradeState());
        assertEquals("N", pay.reverseOrder(WxPayOrderReverseRequest.newBuilder().outTradeNo(number).build())
                .getIsRecall(), "reversing again answers the same");
        assertEquals(300_000, payer.balance());
        assertEquals("ORDERREVERSED", assertThrows(WxPayException.class,
                () -> pay.micropay(micropay(number, 150_000, code))).getErrCode());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void reverseEndsAWaitingMicropayAndRefusesWhatItCannotReverse() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 200_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String number = outTradeNo();
        assertThrows(WxPayException.class, () -> pay.micropay(micropay(number, 100_001, code(payer.api()))));
        String orderId = payer.api().get("api/v1/payments/pending").array().getJsonObject(0).getString("id");
        pay.reverseOrder(WxPayOrderReverseRequest.newBuilder().outTradeNo(number).build());
        assertEquals("REVOKED", pay.queryOrder(null, number).getTradeState());
        assertEquals(404, Shops.pay(payer.api(), orderId, WalletData.PIN, WalletData.key()).status(),
                "a reversed order waits for nobody");
        assertEquals(0, payer.api().get("api/v1/payments/pending").array().size());
        assertEquals(200_000, payer.balance());

        String notMicropay = outTradeNo();
        pay.unifiedOrder(WxPayUnifiedOrderRequest.newBuilder().body("x")
                .outTradeNo(notMicropay).totalFee(100).spbillCreateIp("203.0.113.7")
                .notifyUrl("https://shop.example.com/n").tradeType("NATIVE").productId("p").build());
        assertEquals("INVALID_REQUEST", assertThrows(WxPayException.class, () -> pay.reverseOrder(
                WxPayOrderReverseRequest.newBuilder().outTradeNo(notMicropay).build())).getErrCode());
        assertEquals("ORDERNOTEXIST", assertThrows(WxPayException.class, () -> pay.reverseOrder(
                WxPayOrderReverseRequest.newBuilder().outTradeNo("NOSUCH" + notMicropay).build())).getErrCode());
        WalletData.assertLedgerConsistent(api);
    }
}
