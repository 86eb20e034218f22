package org.oaplatform.media.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of news uploads ({@code media/uploadnews}): WeChat's codes from its global table for news content (44003,
 * 45002-45005, 45008); a missing or foreign thumbnail is the media's own 40007.
 */
public enum NewsError implements ErrorCode {
    EMPTY_NEWS(44003, "empty-news", 400, "empty news data"),
    NEWS_CONTENT_TOO_LONG(45002, "news-content-too-long", 400, "content size out of limit"),
    NEWS_TITLE_TOO_LONG(45003, "news-title-too-long", 400, "title size out of limit"),
    NEWS_AUTHOR_TOO_LONG(45003, "news-author-too-long", 400, "author size out of limit"),
    NEWS_DIGEST_TOO_LONG(45004, "news-digest-too-long", 400, "description size out of limit"),
    NEWS_URL_TOO_LONG(45005, "news-url-too-long", 400, "url size out of limit"),
    TOO_MANY_NEWS_ARTICLES(45008, "too-many-articles", 400, "article size out of limit");

    private final Wire wire;

    NewsError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
