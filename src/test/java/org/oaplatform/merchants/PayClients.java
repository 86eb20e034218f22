package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderRequest;
import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/** WxJava's pay service, unmodified, pointed at the test server by {@code setApiHostUrl} only. */
final class PayClients {

    private PayClients() {
    }

    static WxPayService sdk(URL base, Shops.Shop shop, String signType) {
        return sdk(base, shop.app().appid(), shop.mchId(), shop.apiKey(), signType);
    }

    static WxPayService sdk(URL base, String appid, String mchId, String key, String signType) {
        WxPayConfig config = new WxPayConfig();
        config.setAppId(appid);
        config.setMchId(mchId);
        config.setMchKey(key);
        config.setSignType(signType);
        config.setApiHostUrl(base.toString().replaceAll("/+$", ""));
        WxPayService pay = new WxPayServiceImpl();
        pay.setConfig(config);
        return pay;
    }

    /** A NATIVE order of {@code fen} placed through the SDK and paid by the payer; its out_trade_no. */
    static String paidOrder(WxPayService pay, WalletData.Holder payer, int fen) throws WxPayException {
        String number = "T" + System.currentTimeMillis() + TestData.digits(6);
        String codeUrl = pay.unifiedOrder(WxPayUnifiedOrderRequest.newBuilder().body("Lunch").outTradeNo(number)
                .totalFee(fen).spbillCreateIp("203.0.113.7").notifyUrl("https://shop.example.com/wxpay/notify")
                .tradeType("NATIVE").productId("sku-1").build()).getCodeURL();
        Api.Reply scanned = payer.api().post("api/v1/payments/scans",
                Json.createObjectBuilder().add("codeUrl", codeUrl).build());
        assertEquals(200, scanned.status(), scanned.text());
        Api.Reply paid = Shops.pay(payer.api(), scanned.json().getString("id"), WalletData.PIN, WalletData.key());
        assertEquals(200, paid.status(), paid.text());
        return number;
    }

    /**
     * The service with a PKCS#12 client certificate loaded, which WxJava insists on for {@code /secapi} calls even
     * over plain HTTP, where it is never presented. Made here with the JDK's keytool, password = mch_id as WeChat's.
     */
    static WxPayService withCertificate(URL base, Shops.Shop shop) {
        WxPayService pay = sdk(base, shop, null);
        pay.getConfig().setKeyContent(selfSignedP12(shop.mchId()));
        return pay;
    }

    private static byte[] selfSignedP12(String mchId) {
        try {
            Path dir = Files.createTempDirectory("apiclient");
            Path p12 = dir.resolve("apiclient_cert.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "apiclient",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + mchId, "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", mchId, "-keypass", mchId)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            byte[] bytes = Files.readAllBytes(p12);
            Files.delete(p12);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
