package org.oaplatform.media.entity;

/**
 * The file formats temporary media may have (spec §9.1), each with the content type it is served with and the
 * extension of the file name a download carries. What a file is comes from its first bytes, never from its name.
 */
public enum MediaFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    BMP("image/bmp", "bmp"),
    AMR("audio/amr", "amr"),
    MP3("audio/mpeg", "mp3"),
    MP4("video/mp4", "mp4");

    private final String contentType;
    private final String extension;

    MediaFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
