package org.oaplatform.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oaplatform.platform.control.BusinessException;
import org.w3c.dom.Element;

/**
 * Reads a developer server's answer to a push (spec §2.4) into a {@link PassiveReply}: {@code success} or an empty
 * body means no reply; anything else must be a well-formed reply of a known kind with what that kind requires, or it
 * is refused as {@link WebhookError#WEBHOOK_PAYLOAD_MALFORMED} (the follower then sees nothing, as on WeChat). In safe
 * mode only an encrypted envelope is accepted; in compatible mode either, since servers switch at their own pace.
 */
public final class PassiveReplies {

    private static final String TRANSFER_CUSTOMER_SERVICE = "transfer_customer_service";

    private PassiveReplies() {
    }

    /** {@code safeMode} is needed unless {@code mode} is {@link PushMode#PLAIN}. */
    public static Optional<PassiveReply> read(byte[] body, PushMode mode, SafeMode safeMode) {
        if (body.length > UntrustedXml.MAX_BYTES) {
            throw new BusinessException(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE,
                    "the answer has " + body.length + " bytes, more than " + UntrustedXml.MAX_BYTES);
        }
        if (meansNoReply(new String(body, StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        Element root = UntrustedXml.root(body);
        boolean encrypted = SafeMode.isEnvelope(root);
        if (mode == PushMode.SAFE && !encrypted) {
            throw UntrustedXml.malformed("safe mode accepts only an encrypted reply");
        }
        if (!encrypted) {
            return reply(root);
        }
        if (safeMode == null) {
            throw UntrustedXml.malformed("an encrypted reply to a plain push");
        }
        String plain = safeMode.openReply(SafeMode.envelope(root));
        return meansNoReply(plain) ? Optional.empty() : reply(UntrustedXml.root(plain));
    }

    private static boolean meansNoReply(String body) {
        String trimmed = body.strip();
        return trimmed.isEmpty() || trimmed.equals("success");
    }

    private static Optional<PassiveReply> reply(Element root) {
        String msgType = required(root, "MsgType");
        if (msgType.equals(TRANSFER_CUSTOMER_SERVICE)) {
            return Optional.empty(); // a hand-over to WeChat's agent desk, which we do not have: nothing to show
        }
        PassiveReply.Content content = switch (msgType) {
            case "text" -> new PassiveReply.Text(required(root, "Content"));
            case "image" -> new PassiveReply.Image(required(part(root, "Image"), "MediaId"));
            case "voice" -> new PassiveReply.Voice(required(part(root, "Voice"), "MediaId"));
            case "video" -> video(part(root, "Video"));
            case "music" -> music(part(root, "Music"));
            case "news" -> news(root);
            default -> throw UntrustedXml.malformed("unknown reply MsgType " + msgType);
        };
        return Optional.of(new PassiveReply(required(root, "ToUserName"), required(root, "FromUserName"),
                createTime(required(root, "CreateTime")), content));
    }

    private static PassiveReply.Video video(Element video) {
        return new PassiveReply.Video(required(video, "MediaId"), optional(video, "Title"),
                optional(video, "Description"));
    }

    private static PassiveReply.Music music(Element music) {
        return new PassiveReply.Music(optional(music, "Title"), optional(music, "Description"),
                optional(music, "MusicUrl"), optional(music, "HQMusicUrl"), required(music, "ThumbMediaId"));
    }

    /** ArticleCount is not trusted: the items are what counts, and beyond eight they are dropped as WeChat does. */
    private static PassiveReply.News news(Element root) {
        List<PassiveReply.Article> articles = new ArrayList<>();
        for (Element item : UntrustedXml.children(part(root, "Articles"), "item")) {
            if (articles.size() == PassiveReply.MAX_ARTICLES) {
                break;
            }
            articles.add(new PassiveReply.Article(optional(item, "Title"), optional(item, "Description"),
                    optional(item, "PicUrl"), optional(item, "Url")));
        }
        if (articles.isEmpty()) {
            throw UntrustedXml.malformed("a news reply without articles");
        }
        return new PassiveReply.News(articles);
    }

    private static long createTime(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw UntrustedXml.malformed("CreateTime is not a number");
        }
    }

    private static Element part(Element parent, String name) {
        return UntrustedXml.children(parent, name).stream().findFirst()
                .orElseThrow(() -> UntrustedXml.malformed("the reply has no <" + name + ">"));
    }

    private static String required(Element parent, String name) {
        String value = UntrustedXml.text(parent, name)
                .orElseThrow(() -> UntrustedXml.malformed("the reply has no <" + name + ">"));
        if (value.isBlank()) {
            throw UntrustedXml.malformed("the reply's <" + name + "> is empty");
        }
        return value;
    }

    private static String optional(Element parent, String name) {
        return UntrustedXml.text(parent, name).orElse("");
    }
}
