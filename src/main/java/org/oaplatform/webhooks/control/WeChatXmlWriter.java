package org.oaplatform.webhooks.control;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes XML the way WeChat does: an {@code <xml>} root without a declaration, strings in CDATA, numbers bare, the
 * elements in the order they are added. Parsers of WeChat SDKs are written against exactly this shape.
 * <p>
 * Follower text is arbitrary, so a CDATA section that would contain {@code ]]>} is split in two, and characters that
 * XML 1.0 cannot carry at all (control characters, lone surrogates) become U+FFFD instead of making the whole push
 * unparsable.
 */
final class WeChatXmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter xml;

    private WeChatXmlWriter() {
        try {
            synchronized (FACTORY) { // JAXP factories promise no thread safety
                xml = FACTORY.createXMLStreamWriter(buffer);
            }
            xml.writeStartElement("xml");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static WeChatXmlWriter root() {
        return new WeChatXmlWriter();
    }

    WeChatXmlWriter text(String name, String value) {
        return write(() -> {
            xml.writeStartElement(name);
            String safe = xmlCharactersOnly(value == null ? "" : value);
            int from = 0;
            for (int end = safe.indexOf("]]>"); end >= 0; end = safe.indexOf("]]>", from)) {
                xml.writeCData(safe.substring(from, end + 2));
                from = end + 2;
            }
            xml.writeCData(safe.substring(from));
            xml.writeEndElement();
        });
    }

    WeChatXmlWriter number(String name, long value) {
        return bare(name, Long.toString(value));
    }

    /** A coordinate or precision in plain notation (never {@code 1.0E-5}, which WeChat never sends). */
    WeChatXmlWriter decimal(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number");
        }
        return bare(name, BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    WeChatXmlWriter element(String name, Consumer<WeChatXmlWriter> children) {
        write(() -> xml.writeStartElement(name));
        children.accept(this);
        return write(xml::writeEndElement);
    }

    String toXml() {
        write(() -> {
            xml.writeEndElement();
            xml.flush();
        });
        return buffer.toString();
    }

    /** A string WeChat writes without CDATA ({@code TimeStamp} of an encrypted reply). */
    WeChatXmlWriter bareText(String name, String value) {
        return bare(name, value);
    }

    private WeChatXmlWriter bare(String name, String value) {
        return write(() -> {
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        });
    }

    private WeChatXmlWriter write(XmlStep step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
    }

    static String xmlCharactersOnly(String value) {
        StringBuilder safe = null;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                    || codePoint >= 0x20 && codePoint <= 0xD7FF || codePoint >= 0xE000 && codePoint <= 0xFFFD
                    || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
            if (!allowed && safe == null) {
                safe = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (safe != null) {
                safe.appendCodePoint(allowed ? codePoint : 0xFFFD);
            }
            i += width;
        }
        return safe == null ? value : safe.toString();
    }

    @FunctionalInterface
    private interface XmlStep {
        void run() throws XMLStreamException;
    }
}
