package org.oaplatform.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Media files for uploads: each format's signature (what the server looks at) and random bytes behind it, so that a
 * download can be compared with its upload byte for byte.
 */
public final class SampleMedia {

    private SampleMedia() {
    }

    /** {@code size} random bytes starting with {@code signature}. */
    public static byte[] file(int size, int... signature) {
        byte[] file = new byte[size];
        ThreadLocalRandom.current().nextBytes(file);
        for (int i = 0; i < signature.length; i++) {
            file[i] = (byte) signature[i];
        }
        return file;
    }

    public static byte[] jpeg(int size) {
        return file(size, 0xFF, 0xD8, 0xFF, 0xE0);
    }

    public static byte[] png() {
        return file(3_000, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    public static byte[] gif() {
        return file(2_000, 'G', 'I', 'F', '8', '9', 'a');
    }

    /** A BMP with a 40-byte DIB header. */
    public static byte[] bmp() {
        return file(5_000, 'B', 'M', 0x88, 0x13, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0);
    }

    public static byte[] amr() {
        return file(1_500, '#', '!', 'A', 'M', 'R', '\n');
    }

    /** An MP3 with an ID3v2 tag. */
    public static byte[] mp3() {
        return mp3(4_000);
    }

    public static byte[] mp3(int size) {
        return file(size, 'I', 'D', '3', 3, 0);
    }

    public static byte[] mp4(int size) {
        return file(size, 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm');
    }
}
