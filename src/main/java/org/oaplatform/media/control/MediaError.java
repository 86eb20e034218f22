package org.oaplatform.media.control;

import org.oaplatform.platform.control.ErrorCode;

/** Errors of temporary media: WeChat's own codes for uploads and downloads (spec §9.1, the global code table). */
public enum MediaError implements ErrorCode {
    INVALID_MEDIA_TYPE(40004, "invalid-media-type", 400, "invalid media type"),
    INVALID_FILE_TYPE(40005, "invalid-file-type", 415, "invalid file type"),
    INVALID_MEDIA_SIZE(40006, "invalid-media-size", 413, "invalid media size"),
    INVALID_MEDIA_ID(40007, "invalid-media-id", 404, "invalid media_id"),
    MEDIA_DATA_MISSING(41005, "media-data-missing", 400, "media data missing"),
    MEDIA_ID_MISSING(41006, "media-id-missing", 400, "media_id missing"),
    // A person's uploads per day; WeChat has no client-side upload API, so the code is its "api freq out of limit".
    MEDIA_UPLOAD_LIMIT_REACHED(45009, "media-upload-limit-reached", 429, "too many uploads today");

    private final Wire wire;

    MediaError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
