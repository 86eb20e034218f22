package org.oaplatform.merchants.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.webhooks.control.UntrustedXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * WeChat Pay v2's documents: one flat {@code <xml>} element of named text fields, both ways. Requests are anybody's
 * input and go through {@link UntrustedXml} (no DTD, so no external entities, and a size cap); answers are written
 * with text in CDATA and whole numbers bare, as WeChat writes them.
 */
public final class PayXml {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    private PayXml() {
    }

    /** The fields of a document, in order; the first of two elements with one name counts. */
    public static Map<String, String> read(byte[] document) {
        if (document == null || document.length == 0) {
            throw new BusinessException(PayError.POST_DATA_EMPTY);
        }
        Element root;
        try {
            root = UntrustedXml.root(document);
        } catch (BusinessException malformed) {
            throw new BusinessException(PayError.XML_FORMAT_ERROR, PayError.XML_FORMAT_ERROR.defaultMessage() + ": "
                    + malformed.getMessage());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                fields.putIfAbsent(element.getTagName(), element.getTextContent());
            }
        }
        return fields;
    }

    /** The document of these fields, in their order; null values are left out. */
    public static String write(Map<String, String> fields) {
        return write("xml", fields);
    }

    /** The same under another root element (a refund notification's encrypted part is a {@code <root>}). */
    public static String write(String root, Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<").append(root).append('>');
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            xml.append('<').append(name).append('>');
            if (WHOLE_NUMBER.matcher(value).matches()) {
                xml.append(value);
            } else {
                // "]]>" would end the section: it is split across two.
                xml.append("<![CDATA[").append(value.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            }
            xml.append("</").append(name).append('>');
        });
        return xml.append("</").append(root).append('>').toString();
    }
}
