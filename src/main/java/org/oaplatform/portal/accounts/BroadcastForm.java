package org.oaplatform.portal.accounts;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.oaplatform.broadcasts.boundary.BroadcastDesk;
import org.oaplatform.broadcasts.boundary.BroadcastReports.Audience;
import org.oaplatform.broadcasts.entity.BroadcastTarget;

/**
 * What a member typed into the broadcast composer, and nothing more: the target (everybody, a tag, openids), the kind
 * of message and its text or media id, and when to send it. It has no rules of its own; it writes the message as the
 * developer API's {@code mass/*} take it (a composition for {@link BroadcastDesk}, the body of {@code mass/preview}),
 * so that the broadcasts boundary refuses here exactly what it refuses there.
 */
public class BroadcastForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds the composer offers: those of {@code BroadcastMessage} but the multi-image one. */
    public static final List<String> KINDS = List.of("text", "image", "voice", "mpvideo", "mpnews");

    /** The targets the composer offers (a preview is a button of its own). */
    public static final List<String> TARGETS = List.of("ALL", "TAG", "LIST");

    private String target = BroadcastTarget.ALL.name();
    private Integer tagId;
    private String openids;
    private String kind = "text";
    private String text;
    private String mediaId;
    private LocalDateTime sendAt;

    /** Whom the outlook is asked for. */
    public Audience audience() {
        return switch (BroadcastTarget.valueOf(target)) {
            case TAG -> new Audience(BroadcastTarget.TAG, tagId, List.of());
            case LIST -> Audience.list(openidList());
            default -> Audience.all();
        };
    }

    public boolean isToList() {
        return BroadcastTarget.LIST.name().equals(target);
    }

    /**
     * What {@link BroadcastDesk#compose} takes: the audience and the message; {@code scheduled}: at the time typed
     * ({@code null} when none was, which the desk takes as "at once" and the page refuses before), UTC like every time
     * in the portal.
     */
    public BroadcastDesk.Composition composition(boolean scheduled) {
        Audience audience = audience();
        Instant at = scheduled && sendAt != null ? sendAt.toInstant(ZoneOffset.UTC) : null;
        return new BroadcastDesk.Composition(audience.target(), audience.tagId(), isToList() ? openidList() : null,
                message().build(), at);
    }

    /** The body of {@code mass/preview} to one openid. */
    public JsonObject previewBody(String openid) {
        return message().add("touser", openid).build();
    }

    private JsonObjectBuilder message() {
        JsonObjectBuilder part = JSON.createObjectBuilder();
        if ("text".equals(kind)) {
            part.add("content", text == null ? "" : text);
        } else {
            part.add("media_id", mediaId == null ? "" : mediaId);
        }
        return JSON.createObjectBuilder().add("msgtype", kind).add(kind, part);
    }

    /** One openid a line (or separated by commas or spaces), blanks ignored. */
    List<String> openidList() {
        return openids == null ? List.of() : Arrays.stream(openids.split("[\\s,;]+")).filter(s -> !s.isBlank())
                .toList();
    }

    /** After a send: the message and its time go, the audience stays. */
    public void sent() {
        text = null;
        mediaId = null;
        sendAt = null;
    }

    public boolean isTextKind() {
        return "text".equals(kind);
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = TARGETS.contains(target) ? target : BroadcastTarget.ALL.name();
    }

    public Integer getTagId() {
        return tagId;
    }

    public void setTagId(Integer tagId) {
        this.tagId = tagId;
    }

    public String getOpenids() {
        return openids;
    }

    public void setOpenids(String openids) {
        this.openids = openids;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = KINDS.contains(kind) ? kind : "text";
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public LocalDateTime getSendAt() {
        return sendAt;
    }

    public void setSendAt(LocalDateTime sendAt) {
        this.sendAt = sendAt;
    }
}
