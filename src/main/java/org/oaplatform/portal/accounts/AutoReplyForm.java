package org.oaplatform.portal.accounts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.conversations.control.AutoReplyDefinition;
import org.oaplatform.conversations.entity.AutoReplyRule;
import org.oaplatform.conversations.entity.MessageType;

/**
 * An auto-reply rule as the person is editing it: whatever was typed, unchecked. {@link #definition} hands it to
 * {@code AutoReplyDefinition.of}, the reader the client API uses too, so the page has no rules of its own (a blank
 * keyword or an empty reply is refused there, with the same words as through the API).
 */
public class AutoReplyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One keyword line. */
    public static class KeywordLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private String keyword;
        private String match = "EXACT";

        public String getKeyword() {
            return keyword;
        }

        public void setKeyword(String keyword) {
            this.keyword = keyword;
        }

        public String getMatch() {
            return match;
        }

        public void setMatch(String match) {
            this.match = match;
        }
    }

    /** One reply line: the text of a text reply, or the media id of an image, voice or video reply. */
    public static class ReplyLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private String type = MessageType.TEXT.name();
        private String value;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    private final String ruleId;
    private final AutoReplyDefinition.Kind kind;
    private String name;
    private Integer priority;
    private final List<KeywordLine> keywords = new ArrayList<>();
    private final List<ReplyLine> replies = new ArrayList<>();

    private AutoReplyForm(String ruleId, AutoReplyDefinition.Kind kind) {
        this.ruleId = ruleId;
        this.kind = kind;
    }

    /** A new rule with one empty keyword (keyword rules) and one empty text reply. */
    static AutoReplyForm blank(AutoReplyDefinition.Kind kind) {
        AutoReplyForm form = new AutoReplyForm(null, kind);
        if (kind == AutoReplyDefinition.Kind.KEYWORD) {
            form.priority = 0;
            form.addKeyword();
        }
        form.addReply();
        return form;
    }

    static AutoReplyForm of(AutoReplyRule rule) {
        AutoReplyDefinition d = rule.definition();
        AutoReplyForm form = new AutoReplyForm(rule.publicId(), d.kind());
        form.name = d.name();
        form.priority = d.kind() == AutoReplyDefinition.Kind.KEYWORD ? d.priority() : null;
        d.keywords().forEach(k -> {
            KeywordLine line = new KeywordLine();
            line.keyword = k.text();
            line.match = k.match().name();
            form.keywords.add(line);
        });
        d.replies().forEach(r -> {
            ReplyLine line = new ReplyLine();
            line.type = r.type().name();
            line.value = r.isMedia() ? r.mediaId() : r.text();
            form.replies.add(line);
        });
        return form;
    }

    AutoReplyDefinition definition() {
        return AutoReplyDefinition.of(kind.name(), name, kind == AutoReplyDefinition.Kind.KEYWORD ? priority : null,
                keywords.stream().map(k -> new AutoReplyDefinition.KeywordFields(k.keyword, k.match)).toList(),
                replies.stream().map(r -> MessageType.TEXT.name().equals(r.type)
                        ? new AutoReplyDefinition.ReplyFields(r.type, r.value, null)
                        : new AutoReplyDefinition.ReplyFields(r.type, null, r.value)).toList());
    }

    public void addKeyword() {
        keywords.add(new KeywordLine());
    }

    public void addReply() {
        replies.add(new ReplyLine());
    }

    public void removeKeyword(KeywordLine line) {
        keywords.remove(line);
    }

    public void removeReply(ReplyLine line) {
        replies.remove(line);
    }

    public boolean isKeyword() {
        return kind == AutoReplyDefinition.Kind.KEYWORD;
    }

    public String getRuleId() {
        return ruleId;
    }

    public AutoReplyDefinition.Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public List<KeywordLine> getKeywords() {
        return keywords;
    }

    public List<ReplyLine> getReplies() {
        return replies;
    }
}
