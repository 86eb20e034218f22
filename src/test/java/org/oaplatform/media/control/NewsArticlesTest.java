package org.oaplatform.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;

class NewsArticlesTest {

    private static JsonObjectBuilder article() {
        return JSON.createObjectBuilder().add("title", "新品上市").add("thumb_media_id", "med_0123456789abcdef")
                .add("author", "小编").add("digest", "摘要").add("content", "<p>正文</p>")
                .add("content_source_url", "https://shop.example.com/new").add("show_cover_pic", 1);
    }

    private static JsonObject body(JsonObjectBuilder... articles) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (JsonObjectBuilder a : articles) {
            list.add(a);
        }
        return JSON.createObjectBuilder().add("articles", list).build();
    }

    private static ErrorCode refusal(JsonObject body) {
        return assertThrows(BusinessException.class, () -> NewsArticles.read(body)).code();
    }

    @Test
    void readsWeChatsFieldsIntoTheClientApisNames() {
        NewsArticles news = NewsArticles.read(body(article(), article().add("title", "第二篇")));
        assertEquals(2, news.articles().size());
        JsonObject first = JSON.createReader(new StringReader(news.json().toString())).readArray().getJsonObject(0);
        assertEquals("新品上市", first.getString("title"));
        assertEquals("med_0123456789abcdef", first.getString("thumbMediaId"));
        assertEquals("https://shop.example.com/new", first.getString("contentSourceUrl"));
        assertTrue(first.getBoolean("showCoverPic"));
        assertEquals(false, first.getBoolean("needOpenComment"));
    }

    @Test
    void oneToEightArticles() {
        assertEquals(NewsError.EMPTY_NEWS, refusal(JSON.createObjectBuilder().build()));
        assertEquals(NewsError.EMPTY_NEWS, refusal(body()));
        assertEquals(NewsError.EMPTY_NEWS, refusal(JSON.createObjectBuilder().add("articles", "x").build()));
        JsonObjectBuilder[] eight = new JsonObjectBuilder[8];
        for (int i = 0; i < 8; i++) {
            eight[i] = article();
        }
        assertEquals(8, NewsArticles.read(body(eight)).articles().size());
        JsonObjectBuilder[] nine = new JsonObjectBuilder[9];
        for (int i = 0; i < 9; i++) {
            nine[i] = article();
        }
        assertEquals(NewsError.TOO_MANY_NEWS_ARTICLES, refusal(body(nine)));
    }

    @Test
    void eachArticleNeedsATitleContentAndAThumbnailWithinTheLimits() {
        assertEquals(NewsError.EMPTY_NEWS, refusal(body(article().add("title", " "))));
        assertEquals(NewsError.EMPTY_NEWS, refusal(body(article().remove("content"))));
        assertEquals(MediaError.MEDIA_ID_MISSING, refusal(body(article().remove("thumb_media_id"))));
        assertEquals(NewsError.NEWS_TITLE_TOO_LONG, refusal(body(article().add("title", "题".repeat(65)))));
        assertEquals(64, NewsArticles.read(body(article().add("title", "题".repeat(64)))).articles().get(0)
                .title().length());
        assertEquals(NewsError.NEWS_AUTHOR_TOO_LONG, refusal(body(article().add("author", "a".repeat(65)))));
        assertEquals(NewsError.NEWS_DIGEST_TOO_LONG, refusal(body(article().add("digest", "摘".repeat(121)))));
        assertEquals(NewsError.NEWS_URL_TOO_LONG,
                refusal(body(article().add("content_source_url", "https://x/" + "a".repeat(1020)))));
        assertEquals(NewsError.NEWS_CONTENT_TOO_LONG, refusal(body(article().add("content", "字".repeat(20_000)))));
        assertEquals(19_999, NewsArticles.read(body(article().add("content", "字".repeat(19_999)))).articles()
                .get(0).content().length());
        assertEquals(NewsError.EMPTY_NEWS, refusal(JSON.createObjectBuilder()
                .add("articles", JSON.createArrayBuilder().add("not an object")).build()));
    }
}
