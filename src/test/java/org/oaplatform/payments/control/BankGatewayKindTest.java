package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.oaplatform.platform.control.BusinessException;

class BankGatewayKindTest {

    @Test
    void withoutASettingProductionHasNoBankAndDevModeTheSandbox() {
        assertEquals(BankGatewayKind.NONE, BankGatewayKind.choose(Optional.empty(), false));
        assertEquals(BankGatewayKind.NONE, BankGatewayKind.choose(Optional.of("  "), false));
        assertEquals(BankGatewayKind.SANDBOX, BankGatewayKind.choose(Optional.empty(), true));
    }

    @Test
    void aSettingWinsInEitherMode() {
        assertEquals(BankGatewayKind.SANDBOX, BankGatewayKind.choose(Optional.of("sandbox"), false));
        assertEquals(BankGatewayKind.HTTP, BankGatewayKind.choose(Optional.of(" HTTP "), false));
        assertEquals(BankGatewayKind.NONE, BankGatewayKind.choose(Optional.of("none"), true));
    }

    @Test
    void aTypoFailsInsteadOfChoosingABank() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> BankGatewayKind.choose(Optional.of("sandbx"), false)).getMessage();
        assertTrue(message.contains("OA_BANK_GATEWAY") && message.contains("sandbx"), message);
    }

    @Test
    void withoutABankEveryOperationIsRefusedAsNotConfigured() {
        NoBank bank = new NoBank();
        for (Executable call : new Executable[] {bank::requireConfigured, () -> bank.link("4111111111111111"),
                () -> bank.charge("t", 1, "r"), () -> bank.chargeStatus("t", "r"), () -> bank.payout("t", 1, "r"),
                () -> bank.payoutStatus("t", "r")}) {
            assertEquals(PaymentError.BANK_NOT_CONFIGURED, assertThrows(BusinessException.class, call).code());
        }
    }
}
