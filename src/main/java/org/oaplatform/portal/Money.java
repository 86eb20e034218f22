package org.oaplatform.portal;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;

/**
 * Amounts of money as the portal shows them: the ledger's whole fen as yuan with two decimals ({@code 12345} is
 * {@code 123.45}, {@code -5} is {@code -0.05}), no grouping, so that the figures read the same in every language.
 * Pages use it as the converter {@code money} ({@code <f:converter converterId="money"/>}), code as {@link #yuan}.
 */
@FacesConverter("money")
public class Money implements Converter<Number> {

    /** @return {@code fen} as yuan with exactly two decimals and a leading minus when negative */
    public static String yuan(long fen) {
        // Only the decimal point moves: no arithmetic on money happens here.
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Number fen) {
        return fen == null ? "" : yuan(fen.longValue());
    }

    /** The way back, for completeness: {@code 123.45} is {@code 12345} fen; more than two decimals are refused. */
    @Override
    public Number getAsObject(FacesContext context, UIComponent component, String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConverterException(e);
        }
    }
}
