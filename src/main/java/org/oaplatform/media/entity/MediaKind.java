package org.oaplatform.media.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code type} of a temporary media upload with its formats and size limit. The spec (§9.1, §14) lists several
 * sets of limits from different versions of WeChat's pages; these are the current page's image (2 MB) and video
 * (10 MB) limits and the long-standing voice (2 MB, AMR/MP3) and thumb (64 KB, JPEG) ones; {@code docs/media.md}
 * says why. MB is 1 048 576 bytes.
 */
public enum MediaKind {
    IMAGE("image", 2 * MediaKind.MIB, EnumSet.of(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.GIF, MediaFormat.BMP)),
    VOICE("voice", 2 * MediaKind.MIB, EnumSet.of(MediaFormat.AMR, MediaFormat.MP3)),
    VIDEO("video", 10 * MediaKind.MIB, EnumSet.of(MediaFormat.MP4)),
    THUMB("thumb", 64 * 1024, EnumSet.of(MediaFormat.JPEG));

    private static final long MIB = 1024 * 1024;

    private final String wireName;
    private final long maxBytes;
    private final Set<MediaFormat> formats;

    MediaKind(String wireName, long maxBytes, Set<MediaFormat> formats) {
        this.wireName = wireName;
        this.maxBytes = maxBytes;
        this.formats = formats;
    }

    /** The kind WeChat calls {@code name} ({@code image}, {@code voice}, {@code video}, {@code thumb}); exact, lower case. */
    public static Optional<MediaKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public String wireName() {
        return wireName;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public boolean allows(MediaFormat format) {
        return formats.contains(format);
    }

    /** The formats for a message to people, e.g. {@code JPEG, PNG}. */
    public String formatNames() {
        return formats.stream().map(MediaFormat::name).collect(Collectors.joining(", "));
    }
}
