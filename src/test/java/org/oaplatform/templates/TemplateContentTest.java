package org.oaplatform.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.templates.control.TemplateContent;
import org.oaplatform.templates.control.TemplateError;

class TemplateContentTest {

    static final TemplateContent ORDER = new TemplateContent(
            "{{first.DATA}}\n订单号：{{keyword1.DATA}}\n商品名称：{{thing2.DATA}}\n支付金额：{{amount3.DATA}}\n{{remark.DATA}}");

    @Test
    void keywordsInTheirOrder() {
        assertEquals(List.of("first", "keyword1", "thing2", "amount3", "remark"), ORDER.keywords());
    }

    @Test
    void rendersValuesAndLeavesMissingOnesEmpty() {
        String text = ORDER.render(Map.of("first", "您好", "keyword1", "A-1", "amount3", "12.00元", "unused", "x"));
        assertEquals("您好\n订单号：A-1\n商品名称：\n支付金额：12.00元\n", text);
    }

    @Test
    void aValueIsNeverReadAsAPlaceholder() {
        TemplateContent content = new TemplateContent("{{a.DATA}}-{{b.DATA}}");
        assertEquals("{{b.DATA}}-$1", content.render(Map.of("a", "{{b.DATA}}", "b", "$1")));
    }

    @Test
    void keywordNamesAreTheLabelsThatCanBePicked() {
        assertEquals(List.of("订单号", "商品名称", "支付金额"), ORDER.keywordNames());
        assertEquals(ORDER.text(), ORDER.withKeywordNames(ORDER.keywordNames()).text());
    }

    @Test
    void keywordNamesPickTheirLinesAndKeepTheUnlabelledOnes() {
        TemplateContent picked = ORDER.withKeywordNames(List.of("支付金额", "订单号"));
        assertEquals("{{first.DATA}}\n订单号：{{keyword1.DATA}}\n支付金额：{{amount3.DATA}}\n{{remark.DATA}}",
                picked.text());
    }

    @Test
    void anUnknownKeywordNameIsRefused() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> ORDER.withKeywordNames(List.of("订单号", "不存在")));
        assertEquals(TemplateError.INVALID_KEYWORD_NAMES, e.code());
    }

    @Test
    void labelsAreReadWithEitherColon() {
        TemplateContent mixed = new TemplateContent("Order: {{keyword1.DATA}}\n时间:{{time2.DATA}}");
        assertEquals("时间:{{time2.DATA}}", mixed.withKeywordNames(List.of("时间")).text());
    }
}
