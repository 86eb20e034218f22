package org.oaplatform.media.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.oaplatform.media.entity.MediaFormat;

/**
 * Tells a media file's format from its first bytes, the signatures the formats' specifications put there. A file
 * name or a declared content type proves nothing: SDKs send every upload as {@code application/octet-stream}, and a
 * renamed file must not be served to followers as a picture.
 */
public final class MagicBytes {

    /** How many leading bytes {@link #detect} looks at; fewer will do for short files. */
    public static final int HEAD_LENGTH = 32;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] AMR_NB = ascii("#!AMR\n");
    private static final byte[] AMR_WB = ascii("#!AMR-WB\n");
    /** Sizes of the DIB headers of Windows and OS/2 bitmaps, the second field of every BMP. */
    private static final Set<Integer> BMP_DIB_SIZES = Set.of(12, 40, 52, 56, 64, 108, 124);
    /**
     * Major brands of the {@code ftyp} box that are MP4 (ISO base media with MPEG-4 or H.264): not QuickTime
     * ({@code qt  }) or 3GPP, which WeChat's "MP4 only" leaves out.
     */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "M4VP", "MSNV", "dash", "mmp4");

    private MagicBytes() {
    }

    /** The format of a file whose first {@code length} bytes are in {@code head}, if it is one we take. */
    public static Optional<MediaFormat> detect(byte[] head, int length) {
        byte[] h = Arrays.copyOf(head, Math.min(length, head.length));
        if (startsWith(h, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(MediaFormat.JPEG);
        }
        if (startsWith(h, PNG)) {
            return Optional.of(MediaFormat.PNG);
        }
        if (startsWith(h, ascii("GIF87a")) || startsWith(h, ascii("GIF89a"))) {
            return Optional.of(MediaFormat.GIF);
        }
        if (isBmp(h)) {
            return Optional.of(MediaFormat.BMP);
        }
        if (startsWith(h, AMR_NB) || startsWith(h, AMR_WB)) {
            return Optional.of(MediaFormat.AMR);
        }
        if (startsWith(h, ascii("ID3")) || isMp3Frame(h)) {
            return Optional.of(MediaFormat.MP3);
        }
        if (isMp4(h)) {
            return Optional.of(MediaFormat.MP4);
        }
        return Optional.empty();
    }

    private static boolean isBmp(byte[] h) {
        return h.length >= 18 && h[0] == 'B' && h[1] == 'M' && BMP_DIB_SIZES.contains(littleEndianInt(h, 14));
    }

    /**
     * An MPEG audio frame header of layer III (MP3 without an ID3 tag): 11 sync bits, a version other than the
     * reserved one, layer III, a bit rate index other than "bad" and a sample rate other than "reserved".
     */
    private static boolean isMp3Frame(byte[] h) {
        if (h.length < 3 || (h[0] & 0xFF) != 0xFF || (h[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (h[1] >> 3) & 0x03;
        int layer = (h[1] >> 1) & 0x03;
        int bitRate = (h[2] >> 4) & 0x0F;
        int sampleRate = (h[2] >> 2) & 0x03;
        return version != 0x01 && layer == 0x01 && bitRate != 0x0F && sampleRate != 0x03;
    }

    /** An ISO base media file that opens with its {@code ftyp} box, of an MP4 brand. */
    private static boolean isMp4(byte[] h) {
        if (h.length < 12 || !Arrays.equals(h, 4, 8, ascii("ftyp"), 0, 4)) {
            return false;
        }
        long boxSize = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        return boxSize >= 16 && MP4_BRANDS.contains(new String(h, 8, 4, StandardCharsets.ISO_8859_1));
    }

    private static int littleEndianInt(byte[] h, int at) {
        return (h[at] & 0xFF) | (h[at + 1] & 0xFF) << 8 | (h[at + 2] & 0xFF) << 16 | (h[at + 3] & 0xFF) << 24;
    }

    private static boolean startsWith(byte[] h, int... prefix) {
        if (h.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((h[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] h, byte[] prefix) {
        return h.length >= prefix.length && Arrays.equals(h, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
