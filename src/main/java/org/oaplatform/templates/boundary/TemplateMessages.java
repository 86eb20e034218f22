package org.oaplatform.templates.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.templates.control.TemplateContent;
import org.oaplatform.templates.control.TemplateData;
import org.oaplatform.templates.control.TemplateError;
import org.oaplatform.templates.entity.AccountTemplate;
import org.oaplatform.templates.entity.TemplateMessage;

/**
 * Sending template messages ({@code message/template/send}, spec §5.1). Not bound by the service window: templates
 * are how an account reaches a follower outside it. The follower must follow and not be blacklisted.
 * <p>
 * {@code client_msg_id} is the sender's anti-replay key: the same key for the same follower within
 * {@link #REPLAY_WINDOW} answers the first message's msgid and sends nothing; after it, the key is free again. The
 * follower's row is locked first (the business row), so two sends with one key cannot both pass the check.
 */
@Stateless
public class TemplateMessages {

    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    static final int MAX_URL_LENGTH = 1024;
    static final Pattern CLIENT_MSG_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Followers followers;

    @Inject
    Templates templates;

    @Inject
    Event<TemplateMessageSent> sent;

    /** What the send asks for, read from the request; checked here. */
    public record Request(String openid, String templateId, JsonValue data, String url, JsonValue miniprogram,
            String clientMsgId) {
    }

    /** Sends and answers the msgid (of this message, or of the one the same anti-replay key sent before). */
    public long send(AccountId account, Request request) {
        TemplateData data = TemplateData.read(request.data());
        TemplateMessage.Link link = link(request.url(), request.miniprogram());
        String clientMsgId = clientMsgId(request.clientMsgId());
        AccountTemplate template = templates.owned(account, request.templateId());
        Follower follower = followers.receiver(account, request.openid());
        Instant now = clock.instant();
        if (clientMsgId != null) {
            Optional<TemplateMessage> earlier = em.createNamedQuery(TemplateMessage.BY_CLIENT_MSG_ID,
                    TemplateMessage.class).setParameter("accountId", account.value())
                    .setParameter("followerId", follower.id()).setParameter("clientMsgId", clientMsgId)
                    .getResultStream().findFirst();
            if (earlier.isPresent() && now.isBefore(earlier.get().createdAt().plus(REPLAY_WINDOW))) {
                return earlier.get().id();
            }
            earlier.ifPresent(TemplateMessage::releaseClientMsgId);
        }
        String rendered = new TemplateContent(template.content()).render(data.values());
        TemplateMessage message = new TemplateMessage(rowIds.next(), account.value(), follower.id(), template,
                rendered, json(data), link, clientMsgId, now);
        em.persist(message);
        sent.fire(new TemplateMessageSent(message.id(), account.value(), follower.id(), template.title(), rendered,
                now));
        return message.id();
    }

    private static TemplateMessage.Link link(String url, JsonValue miniprogram) {
        String checkedUrl = null;
        if (url != null && !url.isBlank()) {
            checkedUrl = url.strip();
            if (checkedUrl.length() > MAX_URL_LENGTH || !isWebUrl(checkedUrl)) {
                throw new BusinessException(TemplateError.INVALID_URL, "url must be an http(s) URL of at most "
                        + MAX_URL_LENGTH + " characters");
            }
        }
        if (miniprogram == null || miniprogram == JsonValue.NULL) {
            return new TemplateMessage.Link(checkedUrl, null, null);
        }
        if (!(miniprogram instanceof JsonObject mp) || !Ids.matches(Ids.APPID, mp.getString("appid", null))) {
            throw new BusinessException(TemplateError.INVALID_DATA, "argument invalid! miniprogram.appid");
        }
        String path = mp.getString("pagepath", mp.getString("path", ""));
        if (path.length() > MAX_URL_LENGTH) {
            throw new BusinessException(TemplateError.INVALID_DATA, "argument invalid! miniprogram.pagepath");
        }
        return new TemplateMessage.Link(checkedUrl, mp.getString("appid"), path);
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String clientMsgId(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (!CLIENT_MSG_ID.matcher(id).matches()) {
            throw new BusinessException(TemplateError.INVALID_DATA,
                    "argument invalid! client_msg_id has 1 to 64 visible ASCII characters");
        }
        return id;
    }

    private static String json(TemplateData data) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        data.values().forEach((key, value) -> {
            JsonObjectBuilder keyword = JSON.createObjectBuilder().add("value", value);
            String colour = data.colours().get(key);
            if (colour != null) {
                keyword.add("color", colour);
            }
            out.add(key, keyword);
        });
        return out.build().toString();
    }
}
