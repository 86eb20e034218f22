package org.oaplatform.media.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * The articles of a {@code media/uploadnews} body, checked (spec §6.1, §9.2): one to eight, each with a title, a
 * thumbnail and content. Limits are WeChat's where it states them (content under 20 000 characters and 1 MB, digest
 * 120 characters, eight articles); the others are ours, generous, so that nobody stores a novel in a title.
 * Whether each thumbnail is a living media of the account is the boundary's to check.
 */
public record NewsArticles(List<Article> articles) {

    public static final int MAX_ARTICLES = 8;
    static final int MAX_TITLE = 64;
    static final int MAX_AUTHOR = 64;
    static final int MAX_DIGEST = 120;
    static final int MAX_CONTENT_CHARS = 20_000;
    static final int MAX_CONTENT_BYTES = 1024 * 1024;
    static final int MAX_URL = 1024;

    /** One article, in the client API's field names. */
    public record Article(String title, String author, String digest, String thumbMediaId, String content,
            String contentSourceUrl, boolean showCoverPic, boolean needOpenComment, boolean onlyFansCanComment) {

        JsonObject json() {
            return JSON.createObjectBuilder().add("title", title).add("author", author).add("digest", digest)
                    .add("thumbMediaId", thumbMediaId).add("content", content)
                    .add("contentSourceUrl", contentSourceUrl).add("showCoverPic", showCoverPic)
                    .add("needOpenComment", needOpenComment).add("onlyFansCanComment", onlyFansCanComment).build();
        }
    }

    public static NewsArticles read(JsonObject body) {
        JsonValue value = body.get("articles");
        if (!(value instanceof JsonArray list) || list.isEmpty()) {
            throw new BusinessException(NewsError.EMPTY_NEWS, "articles is required: one to " + MAX_ARTICLES);
        }
        if (list.size() > MAX_ARTICLES) {
            throw new BusinessException(NewsError.TOO_MANY_NEWS_ARTICLES,
                    "a news has at most " + MAX_ARTICLES + " articles, not " + list.size());
        }
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject article)) {
                throw new BusinessException(NewsError.EMPTY_NEWS, "articles[" + i + "] is an object");
            }
            articles.add(article(article, "articles[" + i + "]."));
        }
        return new NewsArticles(List.copyOf(articles));
    }

    private static Article article(JsonObject a, String where) {
        String title = text(a, "title");
        String content = text(a, "content");
        String thumb = text(a, "thumb_media_id");
        if (title.isBlank() || content.isBlank()) {
            throw new BusinessException(NewsError.EMPTY_NEWS, where + "title and " + where + "content are required");
        }
        if (thumb.isBlank()) {
            throw new BusinessException(MediaError.MEDIA_ID_MISSING, where + "thumb_media_id is required");
        }
        check(title.length() <= MAX_TITLE, NewsError.NEWS_TITLE_TOO_LONG, where + "title", MAX_TITLE);
        String author = text(a, "author");
        check(author.length() <= MAX_AUTHOR, NewsError.NEWS_AUTHOR_TOO_LONG, where + "author", MAX_AUTHOR);
        String digest = text(a, "digest");
        check(digest.length() <= MAX_DIGEST, NewsError.NEWS_DIGEST_TOO_LONG, where + "digest", MAX_DIGEST);
        String url = text(a, "content_source_url");
        check(url.length() <= MAX_URL, NewsError.NEWS_URL_TOO_LONG, where + "content_source_url", MAX_URL);
        if (content.length() >= MAX_CONTENT_CHARS
                || content.getBytes(StandardCharsets.UTF_8).length >= MAX_CONTENT_BYTES) {
            throw new BusinessException(NewsError.NEWS_CONTENT_TOO_LONG, where + "content has fewer than "
                    + MAX_CONTENT_CHARS + " characters and 1 MB");
        }
        return new Article(title, author, digest, thumb, content, url, WeChatJson.bool(a, "show_cover_pic"),
                WeChatJson.bool(a, "need_open_comment"), WeChatJson.bool(a, "only_fans_can_comment"));
    }

    private static String text(JsonObject article, String name) {
        String value = WeChatJson.string(article, name);
        return value == null ? "" : value.strip();
    }

    private static void check(boolean ok, NewsError error, String field, int max) {
        if (!ok) {
            throw new BusinessException(error, field + " is at most " + max + " characters");
        }
    }

    /** The articles as stored and as a conversation shows them. */
    public JsonArray json() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        articles.forEach(a -> all.add(a.json()));
        return all.build();
    }
}
