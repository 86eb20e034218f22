package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.binarywang.wxpay.bean.notify.WxPayRefundNotifyResult;
import com.github.binarywang.wxpay.bean.request.WxPayRefundQueryRequest;
import com.github.binarywang.wxpay.bean.request.WxPayRefundRequest;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderRequest;
import com.github.binarywang.wxpay.bean.result.WxPayBillResult;
import com.github.binarywang.wxpay.bean.result.WxPayRefundQueryResult;
import com.github.binarywang.wxpay.bean.result.WxPayRefundResult;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.LockConflictCount;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/**
 * Refunds and the day's bill through WxJava's {@code WxPayService}: {@code refund} (with the client certificate the
 * SDK insists on), {@code refundQuery}, the encrypted refund notification read by {@code parseRefundNotifyResult} in
 * a merchant server, {@code downloadBill} of each type; the money back in the payer's wallet and out of the
 * merchant's account; the owner's refunds on the client API; 32 payers paying while the merchant refunds; the ledger
 * audit after each. The rules that need the clock moved (a minute between refunds, 365 days, 50 refunds) are unit
 * tests of RefundRules.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantRefundsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private String paidOrder(WxPayService pay, WalletData.Holder payer, int fen) throws WxPayException {
        return PayClients.paidOrder(pay, payer, fen);
    }

    private static WxPayRefundRequest refund(String outTradeNo, String outRefundNo, int total, int fee,
            String notifyUrl) {
        return WxPayRefundRequest.newBuilder().outTradeNo(outTradeNo).outRefundNo(outRefundNo).totalFee(total)
                .refundFee(fee).refundDesc("退货 returned").notifyUrl(notifyUrl).build();
    }

    private static String errCode(WxPayService pay, WxPayRefundRequest request) {
        return assertThrows(WxPayException.class, () -> pay.refund(request)).getErrCode();
    }

    private long merchantBalance(Shop shop) {
        Api.Reply merchant = shop.owner().api().get("api/v1/official-accounts/" + shop.app().appid() + "/merchant");
        return merchant.json().getJsonNumber("balance").longValueExact();
    }

    @Test
    void aPartialRefundIsAcceptedOnceFinishedQueriedAndNotified() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 10_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String number = paidOrder(pay, payer, 1_250);
        try (MerchantServer merchantServer = new MerchantServer(1)) {
            WxPayRefundResult refunded = pay.refund(refund(number, "R-" + number, 1_250, 500,
                    merchantServer.notifyUrl()));
            assertEquals("SUCCESS", refunded.getResultCode());
            assertEquals(500, refunded.getRefundFee());
            assertEquals(1_250, refunded.getTotalFee());
            assertEquals(29, refunded.getRefundId().length(), refunded.getRefundId());
            assertEquals(10_000 - 1_250 + 500, payer.balance(), "the money is back in the wallet");
            assertEquals(750, merchantBalance(shop));

            WxPayRefundResult again = pay.refund(refund(number, "R-" + number, 1_250, 500, null));
            assertEquals(refunded.getRefundId(), again.getRefundId(), "the same out_refund_no refunds once");
            assertEquals(10_000 - 1_250 + 500, payer.balance());
            assertEquals("REFUND_FEE_MISMATCH", errCode(pay, refund(number, "R-" + number, 1_250, 600, null)));
            assertEquals("FREQUENCY_LIMITED", errCode(pay, refund(number, "R2-" + number, 1_250, 100, null)),
                    "a minute between two refunds of one order");

            WxPayRefundQueryResult byOrder = Eventually.poll(Duration.ofSeconds(15), () -> {
                try {
                    return pay.refundQuery(null, number, null, null);
                } catch (WxPayException e) {
                    throw new AssertionError(e);
                }
            }, r -> "SUCCESS".equals(r.getRefundRecords().get(0).getRefundStatus()));
            assertEquals(1, byOrder.getRefundCount());
            assertEquals(500, byOrder.getRefundFee(), "what the order has refunded in all");
            WxPayRefundQueryResult.RefundRecord record = byOrder.getRefundRecords().get(0);
            assertEquals("R-" + number, record.getOutRefundNo());
            assertEquals(refunded.getRefundId(), record.getRefundId());
            assertEquals(500, record.getRefundFee());
            assertEquals("支付用户零钱", record.getRefundRecvAccount());
            assertNotNull(record.getRefundSuccessTime());
            WxPayRefundQueryRequest byNumber = new WxPayRefundQueryRequest();
            byNumber.setOutRefundNo("R-" + number);
            assertEquals(refunded.getRefundId(), pay.refundQuery(byNumber).getRefundRecords().get(0).getRefundId());
            assertEquals("REFUND", pay.queryOrder(null, number).getTradeState());

            assertNotNull(merchantServer.next(Duration.ofSeconds(20)), "the first attempt, answered FAIL");
            String notification = merchantServer.next(Duration.ofSeconds(40));
            assertNotNull(notification, "sent again on WeChat's schedule");
            WxPayRefundNotifyResult parsed = pay.parseRefundNotifyResult(notification);
            assertEquals("R-" + number, parsed.getReqInfo().getOutRefundNo());
            assertEquals(refunded.getRefundId(), parsed.getReqInfo().getRefundId());
            assertEquals(500, parsed.getReqInfo().getRefundFee());
            assertEquals("SUCCESS", parsed.getReqInfo().getRefundStatus());
            assertEquals("API", parsed.getReqInfo().getRefundRequestSource());
            assertNull(merchantServer.next(Duration.ofSeconds(6)), "SUCCESS ends the notifications");
        }
        Api.Reply statement = payer.api().get("api/v1/wallet/transactions");
        assertTrue(statement.text().contains("MERCHANT_REFUND"), statement.text());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        Shop other = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 5_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String number = paidOrder(pay, payer, 800);
        String unpaid = "U" + System.currentTimeMillis() + TestData.digits(6);
        pay.unifiedOrder(WxPayUnifiedOrderRequest.newBuilder().body("Later").outTradeNo(unpaid).totalFee(300)
                .spbillCreateIp("203.0.113.7").notifyUrl("https://shop.example.com/wxpay/notify")
                .tradeType("NATIVE").productId("sku-2").build());

        assertEquals("ERROR", errCode(pay, refund(unpaid, "R-" + unpaid, 300, 300, null)), "not paid");
        assertEquals("ORDERNOTEXIST", errCode(pay, refund("NOSUCH-" + number, "R-x" + number, 800, 1, null)));
        assertEquals("ORDERNOTEXIST", errCode(PayClients.withCertificate(base, other),
                refund(number, "R-o" + number, 800, 1, null)), "another merchant's order does not exist for it");
        assertEquals("REFUND_FEE_MISMATCH", errCode(pay, refund(number, "R-t" + number, 900, 100, null)));
        assertEquals("INVALID_REQUEST", errCode(pay, refund(number, "R-m" + number, 800, 801, null)));
        assertEquals("INVALID_REQUEST", errCode(pay, refund(number, "R-p" + number, 800, 100,
                "http://169.254.169.254/refunds")), "a metadata notify_url");
        WxPayRefundQueryRequest none = new WxPayRefundQueryRequest();
        none.setOutRefundNo("R-x" + number);
        assertEquals("REFUNDNOTEXIST", assertThrows(WxPayException.class, () -> pay.refundQuery(none)).getErrCode());
        assertEquals("REFUNDNOTEXIST", assertThrows(WxPayException.class,
                () -> pay.refundQuery(null, number, null, null)).getErrCode(), "a paid order without refunds");
        assertEquals(5_000 - 800, payer.balance(), "nothing was refunded");
        assertEquals(800, merchantBalance(shop));

        WxPayRefundResult whole = pay.refund(refund(number, "R-w" + number, 800, 800, null));
        assertEquals(800, whole.getRefundFee());
        assertEquals(0, merchantBalance(shop));
        assertEquals("ERROR", errCode(pay, refund(number, "R-a" + number, 800, 1, null)), "refunded in full");
        assertEquals(5_000, payer.balance());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void racingRefundsOfOneOrderNeverTakeMoreThanWasPaid() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 5_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String number = paidOrder(pay, payer, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // Three refund numbers, each sent twice: one refund of one number can win; the rest are refused or
                // are that refund again.
                String refundNo = "R" + (i % 3) + "-" + number;
                outcomes.add(pool.submit(() -> {
                    try {
                        return pay.refund(refund(number, refundNo, 1_000, 700, null)).getRefundId();
                    } catch (WxPayException refused) {
                        return refused.getErrCode();
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get());
            }
            long accepted = answers.stream().filter(a -> a.length() == 29).distinct().count();
            assertEquals(1, accepted, answers.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5_000 - 1_000 + 700, payer.balance());
        assertEquals(300, merchantBalance(shop));
        WalletData.assertLedgerConsistent(api);
    }

    /**
     * The issue's concurrency test: 32 payers each pay the merchant three orders while the merchant refunds (in full,
     * each order twice under one out_refund_no) sixteen orders paid before; then every balance is exact, the audit
     * passes, and no transaction lost a deadlock or a lock wait (the lock order is the order row, then the accounts
     * ascending, for payments and refunds alike).
     */
    @Test
    void thirtyTwoPayersPayOneMerchantWhileItRefunds() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WxPayService pay = PayClients.withCertificate(base, shop);
        int payers = 32;
        int paymentsEach = 3;
        int fen = 100;
        List<WalletData.Holder> holders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(payers + 8);
        try {
            List<Future<WalletData.Holder>> making = new ArrayList<>();
            for (int i = 0; i < payers; i++) {
                making.add(pool.submit(() -> WalletData.holder(new Api(base), 10_000)));
            }
            for (Future<WalletData.Holder> made : making) {
                holders.add(made.get());
            }
            List<String> toRefund = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                toRefund.add(paidOrder(pay, holders.get(i), fen));
            }

            LockConflictCount before = LockConflictCount.now(api);
            List<Future<?>> work = new ArrayList<>();
            for (WalletData.Holder holder : holders) {
                work.add(pool.submit(() -> {
                    for (int n = 0; n < paymentsEach; n++) {
                        paidOrder(pay, holder, fen);
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 8; r++) {
                int first = r * 2;
                work.add(pool.submit(() -> {
                    for (String number : toRefund.subList(first, first + 2)) {
                        String refundNo = "R-" + number;
                        String id = pay.refund(refund(number, refundNo, fen, fen, null)).getRefundId();
                        assertEquals(id, pay.refund(refund(number, refundNo, fen, fen, null)).getRefundId());
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
            LockConflictCount.now(api).assertNoneSince(before);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < payers; i++) {
            // The first sixteen also paid one order before, refunded in full.
            assertEquals(10_000 - (long) paymentsEach * fen, holders.get(i).balance(), "payer " + i);
        }
        assertEquals((long) payers * paymentsEach * fen, merchantBalance(shop),
                "the 96 payments stay, the 16 refunded orders are gone");
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void theOwnerRefundsWithThePaymentPasswordOncePerKey() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 2_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String number = paidOrder(pay, payer, 900);
        String path = "api/v1/official-accounts/" + shop.app().appid() + "/merchant/refunds";
        String key = WalletData.key();

        Api.Reply wrongPin = shop.owner().api().withHeader("Idempotency-Key", key).post(path, Json.createObjectBuilder()
                .add("outTradeNo", number).add("amount", 300).add("pin", "000000").build());
        assertTrue(wrongPin.status() >= 400 && wrongPin.status() < 500, wrongPin.text());
        assertEquals(2_000 - 900, payer.balance(), "a wrong password refunds nothing");
        Api.Reply noKey = shop.owner().api().post(path, Json.createObjectBuilder().add("outTradeNo", number)
                .add("amount", 300).add("pin", WalletData.PIN).build());
        assertEquals(400, noKey.status(), noKey.text());

        Api.Reply refunded = shop.owner().api().withHeader("Idempotency-Key", key).post(path, Json.createObjectBuilder()
                .add("outTradeNo", number).add("amount", 300).add("reason", "broken cup").add("pin", WalletData.PIN)
                .build());
        assertEquals(201, refunded.status(), refunded.text());
        assertEquals("VENDOR_PLATFORM", refunded.json().getString("source"));
        Api.Reply retried = shop.owner().api().withHeader("Idempotency-Key", key).post(path, Json.createObjectBuilder()
                .add("outTradeNo", number).add("amount", 300).add("reason", "broken cup").add("pin", WalletData.PIN)
                .build());
        assertEquals(refunded.json().getString("refundId"), retried.json().getString("refundId"), retried.text());
        Api.Reply reused = shop.owner().api().withHeader("Idempotency-Key", key).post(path, Json.createObjectBuilder()
                .add("outTradeNo", number).add("amount", 200).add("pin", WalletData.PIN).build());
        assertEquals(422, reused.status(), reused.text());
        Api.Reply tooMuch = shop.owner().api().withHeader("Idempotency-Key", WalletData.key()).post(path,
                Json.createObjectBuilder().add("outTradeNo", number).add("amount", 901).add("pin", WalletData.PIN)
                        .build());
        assertEquals(400, tooMuch.status(), tooMuch.text());
        Api.Reply tooSoon = shop.owner().api().withHeader("Idempotency-Key", WalletData.key()).post(path,
                Json.createObjectBuilder().add("outTradeNo", number).add("amount", 100).add("pin", WalletData.PIN)
                        .build());
        assertEquals(409, tooSoon.status(), "a minute between refunds of one order: " + tooSoon.text());
        Api.Reply strangers = payer.api().withHeader("Idempotency-Key", WalletData.key()).post(path,
                Json.createObjectBuilder().add("outTradeNo", number).add("amount", 100).add("pin", WalletData.PIN)
                        .build());
        assertTrue(strangers.status() == 403 || strangers.status() == 404, strangers.text());

        assertEquals(2_000 - 900 + 300, payer.balance());
        Api.Reply listed = shop.owner().api().get(path + "?outTradeNo=" + number);
        assertEquals(200, listed.status(), listed.text());
        assertEquals(1, listed.array().size(), listed.text());
        assertEquals("REFUND", pay.queryOrder(null, number).getTradeState());
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void theDaysBillListsPaymentsAndRefundsAsWxJavaReadsIt() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 5_000);
        WxPayService pay = PayClients.withCertificate(base, shop);
        String coffee = paidOrder(pay, payer, 1_250);
        String tea = paidOrder(pay, payer, 83);
        pay.refund(refund(coffee, "R-" + coffee, 1_250, 500, null));
        String day = pay.queryOrder(null, coffee).getTimeEnd().substring(0, 8);

        WxPayBillResult all = pay.downloadBill(day, "ALL", null, null);
        assertEquals(3, all.getBillInfoList().size(), all.toString());
        assertEquals(coffee, all.getBillInfoList().get(0).getOutTradeNo());
        assertEquals("SUCCESS", all.getBillInfoList().get(0).getTradeState());
        assertEquals(tea, all.getBillInfoList().get(1).getOutTradeNo());
        assertEquals("REFUND", all.getBillInfoList().get(2).getTradeState());
        assertEquals("5.00", all.getBillInfoList().get(2).getSettlementRefundFee());
        assertEquals("13.33", all.getTotalFee());
        assertEquals("5.00", all.getTotalRefundFee());
        assertEquals(2, pay.downloadBill(day, "SUCCESS", "GZIP", null).getBillInfoList().size(), "gzipped");
        WxPayBillResult refunds = pay.downloadBill(day, "REFUND", null, null);
        assertEquals(1, refunds.getBillInfoList().size());
        assertEquals("R-" + coffee, refunds.getBillInfoList().get(0).getOutRefundNo());

        WxPayService newcomer = PayClients.sdk(base, Shops.shop(api), null);
        WxPayException none = assertThrows(WxPayException.class, () -> newcomer.downloadBill(day, "ALL", null, null));
        assertTrue(String.valueOf(none.getReturnMsg()).contains("No Bill Exist"), none.getMessage());
        assertThrows(WxPayException.class, () -> pay.downloadBill("20991231", "ALL", null, null), "a future day");
        assertThrows(WxPayException.class, () -> pay.downloadBill("2026-12-0", "ALL", null, null));
        assertThrows(WxPayException.class, () -> pay.downloadBill(day, "RECHARGE_REFUND", null, null));
    }

    @Test
    void theCertificateTheOwnerDownloadsIsTheOneWxJavaLoads() throws Exception {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 1_000);
        String path = "api/v1/official-accounts/" + shop.app().appid() + "/merchant/certificate";
        Api.Download download = shop.owner().api().downloadAfterPost(path);
        assertEquals(200, download.status(), new String(download.body()));
        assertTrue(download.contentType().startsWith("application/x-pkcs12"), download.contentType());
        assertTrue(download.header("Content-Disposition").contains("apiclient_cert.p12"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(download.body()), shop.mchId().toCharArray());
        X509Certificate client = (X509Certificate) store.getCertificateChain("apiclient")[0];
        assertTrue(client.getSubjectX500Principal().getName().contains("CN=" + shop.mchId()));
        client.verify(store.getCertificateChain("apiclient")[1].getPublicKey());
        assertEquals(client.getSerialNumber().toString(16), download.header("X-Certificate-Serial"));
        assertTrue(shop.owner().api().downloadAfterPost(path).body().length > 0, "a new one each time");

        WxPayService pay = PayClients.sdk(base, shop, null);
        pay.getConfig().setKeyContent(download.body());
        String number = paidOrder(pay, payer, 400);
        assertEquals(400, pay.refund(refund(number, "R-" + number, 400, 400, null)).getRefundFee(),
                "WxJava opened the platform's certificate with the mch_id");
        int stranger = payer.api().downloadAfterPost(path).status();
        assertTrue(stranger == 403 || stranger == 404, "only the owner: " + stranger);
    }
}
