package org.oaplatform.webhooks.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.oaplatform.platform.control.BusinessException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads XML that a developer server wrote, which is anybody's input: the JDK's own parser (not whatever a server puts
 * on the class path) with DTDs refused outright, so external entities (XXE) and entity expansion ("billion laughs")
 * never start, no external access of any kind, and a size cap checked before parsing. WeChat's XML has no DTD, no
 * namespaces and no attributes, so nothing legitimate is lost. The merchant API ({@code /pay}) reads requests and
 * merchants' answers to payment notifications with it too.
 */
public final class UntrustedXml {

    /** Far above any passive reply (8 news articles with long URLs, encrypted) and far below harm. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /**
     * Builders that parsed a document and were reset, for the next parse. Creating one configures a whole parser, which
     * cost 4 % of a merchant payment's server CPU (docs/performance.md, run P); one is used by one thread at a time and
     * {@code reset()} returns it to its configuration (no resolver, handler or document kept). Bounded by the busiest
     * moment's concurrent parses, which are far fewer than this.
     */
    private static final BlockingQueue<DocumentBuilder> IDLE = new ArrayBlockingQueue<>(64);

    private UntrustedXml() {
    }

    /** The {@code <xml>} root of a document in bytes (its encoding as declared, UTF-8 by default). */
    public static Element root(byte[] document) {
        if (document.length > MAX_BYTES) {
            throw new BusinessException(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE,
                    "the answer has " + document.length + " bytes, more than " + MAX_BYTES);
        }
        return root(new InputSource(new ByteArrayInputStream(document)));
    }

    /** The {@code <xml>} root of a document already decoded (the plaintext inside a safe-mode envelope). */
    static Element root(String document) {
        if (document.length() > MAX_BYTES) {
            throw new BusinessException(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE,
                    "the answer has " + document.length() + " characters, more than " + MAX_BYTES);
        }
        return root(new InputSource(new StringReader(document)));
    }

    /** The text of the first direct child with this name, CDATA or not. */
    public static Optional<String> text(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(Node::getTextContent);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element root(InputSource source) {
        DocumentBuilder builder = idleOrNewBuilder();
        try {
            builder.setErrorHandler(new DefaultHandler()); // the default one prints fatal errors to stderr
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            Element root = builder.parse(source).getDocumentElement();
            if (!"xml".equals(root.getTagName())) {
                throw malformed("the root element is <" + root.getTagName() + ">, not <xml>");
            }
            return root;
        } catch (SAXException | IOException e) {
            throw malformed("not well-formed XML: " + e.getMessage());
        } finally {
            builder.reset();
            IDLE.offer(builder);
        }
    }

    private static DocumentBuilder idleOrNewBuilder() {
        DocumentBuilder idle = IDLE.poll();
        if (idle != null) {
            return idle;
        }
        // JAXP factories promise no thread safety
        synchronized (FACTORY) {
            try {
                return FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser knows these features", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    static BusinessException malformed(String detail) {
        return new BusinessException(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, detail);
    }
}
