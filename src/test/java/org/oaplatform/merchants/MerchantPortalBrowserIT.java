package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderRequest;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import java.net.URL;
import java.util.List;
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
import org.oaplatform.testsupport.PortalPage;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The merchant pages in headless Chromium, in English and Simplified Chinese: an owner applies for a second account,
 * searches the first account's orders, refunds one with the payment password (a refusal first), makes the static
 * code, resets the API key, downloads the certificate and sends a notification again; a platform admin suspends the
 * merchant (WxJava then gets NOAUTH) and resumes it. Screenshots go to {@code oa.screenshots} as {@code merchant-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantPortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anOwnerAppliesRefundsAndManagesKeysAndNotifications() throws Throwable {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WalletData.Holder payer = WalletData.holder(api, 5_000);
        WxPayService pay = PayClients.sdk(base, shop, null);
        String first = PayClients.paidOrder(pay, payer, 1_250);
        String second = PayClients.paidOrder(pay, payer, 300);
        TestData.App other = TestData.verifiedServiceAccount(shop.owner().api());
        Api.Reply secondCard = WalletData.link(shop.owner().api(), SandboxCards.OK_DEBIT_2);
        assertEquals(201, secondCard.status(), secondCard.text());
        try (PortalPage page = PortalPage.start(base, "merchant")) {
            page.run(() -> {
                page.logIn(shop.owner().phone());
                page.open("portal/accounts/merchant.xhtml?appid=" + shop.app().appid());
                assertEquals(shop.mchId(), page.text("merchant:mchId"));
                assertEquals("15.50", page.text("merchant:balance"));
                assertEquals(2, page.rows("tr.order-row").size());
                page.type("orders:number", first);
                page.click("orders:search");
                List<WebElement> found = page.rows("tr.order-row");
                assertEquals(1, found.size());
                assertEquals("SUCCESS", page.cell(found.get(0), ".order-state"));
                page.screenshot("orders");

                page.type("refunds:refundOrder", first);
                page.type("refunds:refundAmount", "13.00");
                page.type("refunds:refundPin", WalletData.PIN);
                page.click("refunds:refund");
                assertTrue(page.error().contains("12.5") || page.error().contains("1250"), page.error());
                page.screenshot("refund-too-much");
                page.type("refunds:refundOrder", first);
                page.type("refunds:refundAmount", "2.00");
                page.type("refunds:refundReason", "cold coffee");
                page.type("refunds:refundPin", WalletData.PIN);
                page.click("refunds:refund");
                page.assertNoErrors();
                page.wait.until(d -> d.findElements(By.cssSelector("tr.order-row")).stream()
                        .anyMatch(r -> r.getText().contains("REFUND")));
                assertEquals(5_000 - 1_250 - 300 + 200, payer.balance());
                assertEquals("13.50", page.text("merchant:balance"));
                page.screenshot("refunded");

                page.type("merchant:staticNotify", "https://shop.example.com/static");
                page.click("merchant:staticCode");
                assertTrue(page.text("staticCodeUrl").startsWith("weixin://wxpay/bizpayurl?pr="));
                new Select(page.await("merchant:newCard")).selectByValue(secondCard.json().getString("id"));
                page.click("merchant:changeCard");
                page.assertNoErrors();
                assertTrue(page.driver().findElement(By.id("merchant:overview")).getText().contains("5678"),
                        "the settlement card shown is the new one");
                page.confirm(page.await("merchant:resetKey"));
                String newKey = page.text("apiKey");
                assertEquals(32, newKey.length());
                page.driver().findElement(By.id("merchant:certificate")).click();
                page.await("merchant:mchId");
                page.assertNoErrors();
                WebElement replay = page.wait.until(visibilityOfElementLocated(By.cssSelector(".notification-replay")));
                page.clickAndWait(replay);
                page.assertNoErrors();
                page.screenshot("keys-and-notifications");

                page.chinese("商户");
                page.type("refunds:refundOrder", second);
                page.type("refunds:refundAmount", "1.00");
                page.type("refunds:refundPin", "000000");
                page.click("refunds:refund");
                assertFalse(page.error().contains("Exception"));
                page.screenshot("zh-wrong-password");

                page.open("portal/accounts/merchant.xhtml?appid=" + other.appid());
                new Select(page.await("apply:card")).selectByIndex(1);
                page.click("apply:applyButton");
                page.await("merchant:mchId");
                assertEquals(32, page.text("apiKey").length());
                page.screenshot("zh-applied");
            });
        }
        WalletData.assertLedgerConsistent(api);
    }

    @Test
    void anAdminSuspendsAndResumesAMerchant() throws Throwable {
        Api api = new Api(base);
        Shop shop = Shops.shop(api);
        WxPayService pay = PayClients.sdk(base, shop, null);
        TestData.adminSession(api);
        try (PortalPage page = PortalPage.start(base, "merchants-admin")) {
            page.run(() -> {
                page.logInAsAdmin();
                page.open("portal/admin/merchants.xhtml");
                WebElement row = row(page, shop.mchId());
                row.findElement(By.cssSelector(".reason-input")).sendKeys("unpaid chargebacks");
                page.clickAndWait(row.findElement(By.cssSelector(".suspend-button")));
                page.assertNoErrors();
                assertEquals("unpaid chargebacks", page.cell(row(page, shop.mchId()), ".suspension"));
                page.screenshot("suspended");
                WxPayException refused = assertThrows(WxPayException.class,
                        () -> pay.unifiedOrder(WxPayUnifiedOrderRequest.newBuilder().body("x")
                                .outTradeNo("S" + System.currentTimeMillis()).totalFee(100)
                                .spbillCreateIp("203.0.113.7").notifyUrl("https://shop.example.com/n")
                                .tradeType("NATIVE").productId("p").build()));
                assertEquals("NOAUTH", refused.getErrCode());
                page.chinese("商户管理");
                page.clickAndWait(row(page, shop.mchId()).findElement(By.cssSelector(".resume-button")));
                page.assertNoErrors();
                assertEquals("", page.cell(row(page, shop.mchId()), ".suspension"));
                page.screenshot("zh-resumed");
            });
        }
    }

    private static WebElement row(PortalPage page, String mchId) {
        return page.wait.until(d -> d.findElements(By.cssSelector("tr.merchant-row")).stream()
                .filter(r -> r.getText().contains(mchId)).findFirst().orElse(null));
    }
}
