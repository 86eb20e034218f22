package org.oaplatform.conversations.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oaplatform.conversations.control.AutoReplyMatching.Keyword;
import org.oaplatform.conversations.control.AutoReplyMatching.Match;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.platform.control.BusinessException;

/**
 * An auto-reply rule as an operator defines it, checked: a keyword rule has keywords and a priority, a welcome or
 * default rule has neither; every rule has a name and one to five replies, each a text or a media id of the account's
 * (the boundary checks the media). {@link #of} is the only way in. Keywords and replies are stored as JSON arrays.
 */
public record AutoReplyDefinition(Kind kind, String name, int priority, List<Keyword> keywords, List<Reply> replies) {

    public static final int MAX_NAME = 60;
    public static final int MAX_KEYWORDS = 10;
    public static final int MAX_KEYWORD = 30;
    public static final int MAX_REPLIES = 5;
    public static final int MAX_TEXT = 600;
    public static final int MAX_PRIORITY = 100;
    private static final int MAX_MEDIA_ID = 64;

    /** KEYWORD answers matching texts, WELCOME a follow, DEFAULT whatever no keyword rule answers. */
    public enum Kind {
        KEYWORD, WELCOME, DEFAULT
    }

    /** One message the rule sends: text with {@code text}, or image, voice or video with {@code mediaId}. */
    public record Reply(MessageType type, String text, String mediaId) {

        public boolean isMedia() {
            return mediaId != null;
        }

        /** The message as a conversation stores it. */
        public AccountReplies.Stored stored() {
            return isMedia() ? AccountReplies.media(type, mediaId)
                    : new AccountReplies.Stored(MessageType.TEXT, JSON.createObjectBuilder().add("content", text)
                            .build());
        }
    }

    /** What a client sent, any of it null. */
    public record KeywordFields(String keyword, String match) {
    }

    public record ReplyFields(String type, String content, String mediaId) {
    }

    public static AutoReplyDefinition of(String kind, String name, Integer priority, List<KeywordFields> keywords,
            List<ReplyFields> replies) {
        Kind ruleKind = kind(kind);
        String ruleName = text(name, "name", MAX_NAME);
        List<Keyword> words = new ArrayList<>();
        List<KeywordFields> given = keywords == null ? List.of() : keywords;
        if (ruleKind == Kind.KEYWORD) {
            if (given.isEmpty() || given.size() > MAX_KEYWORDS) {
                throw invalid("a keyword rule has 1 to " + MAX_KEYWORDS + " keywords");
            }
            for (KeywordFields k : given) {
                if (k == null) {
                    throw invalid("a keyword is {\"keyword\",\"match\"}");
                }
                String word = text(k.keyword(), "keyword", MAX_KEYWORD);
                String normal = AutoReplyMatching.normal(word);
                if (words.stream().anyMatch(w -> AutoReplyMatching.normal(w.text()).equals(normal))) {
                    throw invalid("the keyword " + word + " is given twice");
                }
                words.add(new Keyword(word, match(k.match())));
            }
        } else if (!given.isEmpty() || priority != null && priority != 0) {
            throw invalid("a " + ruleKind.name().toLowerCase(Locale.ROOT) + " rule has no keywords and no priority");
        }
        int rank = priority == null ? 0 : priority;
        if (rank < 0 || rank > MAX_PRIORITY) {
            throw invalid("priority is 0 to " + MAX_PRIORITY + " (higher wins)");
        }
        List<ReplyFields> sent = replies == null ? List.of() : replies;
        if (sent.isEmpty() || sent.size() > MAX_REPLIES) {
            throw invalid("a rule has 1 to " + MAX_REPLIES + " replies");
        }
        List<Reply> answers = sent.stream().map(AutoReplyDefinition::reply).toList();
        return new AutoReplyDefinition(ruleKind, ruleName, rank, List.copyOf(words), answers);
    }

    public String keywordsJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        keywords.forEach(k -> array.add(JSON.createObjectBuilder().add("keyword", k.text()).add("match",
                k.match().name())));
        return array.build().toString();
    }

    public String repliesJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        replies.forEach(r -> array.add(r.isMedia()
                ? JSON.createObjectBuilder().add("type", r.type().wireName()).add("mediaId", r.mediaId())
                : JSON.createObjectBuilder().add("type", "text").add("content", r.text())));
        return array.build().toString();
    }

    /** The keywords as {@link #keywordsJson} wrote them. */
    public static List<Keyword> keywords(String json) {
        return array(json).getValuesAs(JsonObject.class).stream()
                .map(k -> new Keyword(k.getString("keyword"), Match.valueOf(k.getString("match")))).toList();
    }

    /** The replies as {@link #repliesJson} wrote them. */
    public static List<Reply> replies(String json) {
        return array(json).getValuesAs(JsonObject.class).stream().map(r -> r.containsKey("mediaId")
                ? new Reply(MessageType.valueOf(r.getString("type").toUpperCase(Locale.ROOT)), null,
                        r.getString("mediaId"))
                : new Reply(MessageType.TEXT, r.getString("content"), null)).toList();
    }

    private static JsonArray array(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static Reply reply(ReplyFields r) {
        if (r == null) {
            throw invalid("a reply is {\"type\":\"text\",\"content\"} or {\"type\":\"image|voice|video\",\"mediaId\"}");
        }
        String type = r.type() == null ? "" : r.type().strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text" -> new Reply(MessageType.TEXT, text(r.content(), "content", MAX_TEXT), null);
            case "image", "voice", "video" -> new Reply(MessageType.valueOf(type.toUpperCase(Locale.ROOT)), null,
                    text(r.mediaId(), "mediaId", MAX_MEDIA_ID));
            default -> throw invalid("a reply's type is text, image, voice or video");
        };
    }

    private static Kind kind(String kind) {
        try {
            return Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("kind is KEYWORD, WELCOME or DEFAULT");
        }
    }

    private static Match match(String match) {
        if (match == null || match.isBlank()) {
            return Match.EXACT;
        }
        try {
            return Match.valueOf(match.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("match is EXACT or CONTAINS");
        }
    }

    private static String text(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw invalid(field + " is required");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw invalid(field + " has at most " + max + " characters");
        }
        return text;
    }

    private static BusinessException invalid(String detail) {
        return new BusinessException(AutoReplyError.AUTO_REPLY_INVALID, detail);
    }
}
