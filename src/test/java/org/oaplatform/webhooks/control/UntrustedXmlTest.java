package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;
import org.w3c.dom.Element;

/** Builders are reused: what one parse did must not reach the next, refused or not, on any thread. */
class UntrustedXmlTest {

    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY secret SYSTEM"
            + " \"file:///etc/hostname\">]><xml><Content>&secret;</Content></xml>";

    @Test
    void aBuilderThatParsedStillRefusesADoctypeAndOneThatRefusedStillParses() {
        for (int round = 0; round < 3; round++) {
            assertEquals("甲" + round, text("<xml><Content><![CDATA[甲" + round + "]]></Content></xml>"));
            BusinessException refused = assertThrows(BusinessException.class, () -> UntrustedXml.root(XXE));
            assertEquals(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, refused.code());
            assertThrows(BusinessException.class, () -> UntrustedXml.root("<xml><Content>unclosed</xml>"));
        }
    }

    @Test
    void aParsedDocumentOutlivesItsBuildersNextParse() {
        Element first = UntrustedXml.root("<xml><Content>first</Content></xml>");
        UntrustedXml.root("<xml><Content>second</Content></xml>");
        assertEquals("first", UntrustedXml.text(first, "Content").orElseThrow());
    }

    @Test
    void threadsParseSideBySide() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> parsed = IntStream.range(0, 400).mapToObj(i -> threads.submit(
                    () -> text("<xml><Content>" + i + "</Content></xml>"))).toList();
            for (int i = 0; i < parsed.size(); i++) {
                assertEquals(String.valueOf(i), parsed.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String text(String document) {
        return UntrustedXml.text(UntrustedXml.root(document), "Content").orElseThrow();
    }
}
