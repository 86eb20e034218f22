package org.oaplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oaplatform.media.control.MagicBytes;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.control.MediaFiles;
import org.oaplatform.media.entity.MediaFormat;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.platform.control.BusinessException;

/** What a temporary media file is taken for (its first bytes, never its name) and what each kind accepts (spec §9.1). */
class MediaRulesTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** A BMP file header followed by a DIB header of {@code dib} bytes. */
    static byte[] bmp(int dib) {
        return join(ascii("BM"), bytes(0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0), bytes(dib, 0, 0, 0), new byte[24]);
    }

    /** An ISO base media file starting with an {@code ftyp} box of {@code brand}. */
    static byte[] ftyp(String brand) {
        return join(bytes(0, 0, 0, 0x18), ascii("ftyp" + brand), bytes(0, 0, 2, 0), ascii("isomiso2"));
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("JPEG/JFIF", join(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10), ascii("JFIF")), MediaFormat.JPEG),
                Arguments.of("JPEG/Exif", join(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34), ascii("Exif")), MediaFormat.JPEG),
                Arguments.of("PNG", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13), MediaFormat.PNG),
                Arguments.of("GIF87a", ascii("GIF87a\u0001\u0000"), MediaFormat.GIF),
                Arguments.of("GIF89a", ascii("GIF89a\u0001\u0000"), MediaFormat.GIF),
                Arguments.of("BMP, BITMAPINFOHEADER", bmp(40), MediaFormat.BMP),
                Arguments.of("BMP, BITMAPV5HEADER", bmp(124), MediaFormat.BMP),
                Arguments.of("AMR-NB", ascii("#!AMR\n\u003c"), MediaFormat.AMR),
                Arguments.of("AMR-WB", ascii("#!AMR-WB\n\u0004"), MediaFormat.AMR),
                Arguments.of("MP3 with ID3v2", join(ascii("ID3"), bytes(3, 0, 0, 0, 0, 0x10)), MediaFormat.MP3),
                Arguments.of("MP3 MPEG-1 layer III frame", bytes(0xFF, 0xFB, 0x90, 0x64, 0), MediaFormat.MP3),
                Arguments.of("MP3 MPEG-2 layer III frame", bytes(0xFF, 0xF3, 0x48, 0xC4, 0), MediaFormat.MP3),
                Arguments.of("MP3 MPEG-2.5 layer III frame", bytes(0xFF, 0xE3, 0x18, 0xC4, 0), MediaFormat.MP3),
                Arguments.of("MP4 isom", ftyp("isom"), MediaFormat.MP4),
                Arguments.of("MP4 mp42", ftyp("mp42"), MediaFormat.MP4),
                Arguments.of("MP4 avc1", ftyp("avc1"), MediaFormat.MP4),
                Arguments.of("M4V", ftyp("M4V "), MediaFormat.MP4),
                // Look-alikes and other formats: refused, whatever the file is called.
                Arguments.of("empty", new byte[0], null),
                Arguments.of("text", ascii("hello, this is not a picture"), null),
                Arguments.of("JPEG cut after two bytes", bytes(0xFF, 0xD8), null),
                Arguments.of("PNG with a broken signature", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x00), null),
                Arguments.of("GIF of an unknown version", ascii("GIF90a\u0001\u0000"), null),
                Arguments.of("BM followed by no DIB header", join(ascii("BM"), new byte[30]), null),
                Arguments.of("WebP", join(ascii("RIFF"), bytes(0x24, 0, 0, 0), ascii("WEBPVP8 ")), null),
                Arguments.of("WAV", join(ascii("RIFF"), bytes(0x24, 0, 0, 0), ascii("WAVEfmt ")), null),
                Arguments.of("MPEG audio layer II frame", bytes(0xFF, 0xFD, 0x90, 0x64, 0), null),
                Arguments.of("MP3 frame with a bad bit rate", bytes(0xFF, 0xFB, 0xF0, 0x64, 0), null),
                Arguments.of("MP3 frame with a reserved sample rate", bytes(0xFF, 0xFB, 0x9C, 0x64, 0), null),
                Arguments.of("MP3 frame of the reserved MPEG version", bytes(0xFF, 0xEB, 0x90, 0x64, 0), null),
                Arguments.of("QuickTime movie", ftyp("qt  "), null),
                Arguments.of("3GP", ftyp("3gp4"), null),
                Arguments.of("ftyp box at the wrong place", join(bytes(0, 0, 0), ascii("ftypisom"), new byte[8]), null),
                Arguments.of("PDF", ascii("%PDF-1.4\n"), null),
                Arguments.of("Ogg (Speex, Opus)", ascii("OggS\u0000\u0002"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectsTheFormatFromTheFirstBytes(String what, byte[] head, MediaFormat expected) {
        assertEquals(Optional.ofNullable(expected), MagicBytes.detect(head, head.length), what);
        byte[] padded = Arrays.copyOf(head, MagicBytes.HEAD_LENGTH + 10);
        if (expected != null) {
            assertEquals(Optional.of(expected), MagicBytes.detect(padded, padded.length), what + ", more bytes behind");
        }
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("image", MediaKind.IMAGE, 2 * 1024 * 1024,
                        new MediaFormat[] {MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.GIF, MediaFormat.BMP}),
                Arguments.of("voice", MediaKind.VOICE, 2 * 1024 * 1024, new MediaFormat[] {MediaFormat.AMR, MediaFormat.MP3}),
                Arguments.of("video", MediaKind.VIDEO, 10 * 1024 * 1024, new MediaFormat[] {MediaFormat.MP4}),
                Arguments.of("thumb", MediaKind.THUMB, 64 * 1024, new MediaFormat[] {MediaFormat.JPEG}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachKindHasItsFormatsAndItsLimit(String wireName, MediaKind kind, long maxBytes, MediaFormat[] allowed) {
        assertEquals(Optional.of(kind), MediaKind.ofWireName(wireName));
        assertEquals(wireName, kind.wireName());
        assertEquals(maxBytes, kind.maxBytes());
        for (MediaFormat format : MediaFormat.values()) {
            assertEquals(Arrays.asList(allowed).contains(format), kind.allows(format), kind + " " + format);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("unknownKinds")
    void unknownKindNamesAreNoKind(String name) {
        assertEquals(Optional.empty(), MediaKind.ofWireName(name));
    }

    static Stream<String> unknownKinds() {
        return Stream.of(null, "", "IMAGE", "Image", " image", "file", "news", "mpnews", "thumb ", "v\u00efdeo");
    }

    static byte[] jpegOf(int size) {
        byte[] file = new byte[size];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xD8;
        file[2] = (byte) 0xFF;
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void writesAFileOnlyWhenItsKindAcceptsIt(String what, MediaKind kind, byte[] content, MediaError refusal,
            @TempDir Path root) throws IOException {
        MediaFiles files = MediaFiles.under(root);
        java.time.Instant at = java.time.Instant.parse("2026-12-02T23:59:59Z");
        if (refusal == null) {
            MediaFiles.Written written = files.write(new ByteArrayInputStream(content), kind, at, "med_0123456789abcdef");
            assertEquals("2026-12-02/med_0123456789abcdef", written.relativePath());
            assertEquals(content.length, written.size());
            try (InputStream in = files.open(written.relativePath()).orElseThrow()) {
                assertTrue(Arrays.equals(content, in.readAllBytes()), what);
            }
            try (Stream<Path> day = Files.list(root.resolve("2026-12-02"))) {
                assertEquals(1, day.count(), "only the file, no partial one: " + what);
            }
        } else {
            BusinessException e = assertThrows(BusinessException.class,
                    () -> files.write(new ByteArrayInputStream(content), kind, at, "med_0123456789abcdef"), what);
            assertEquals(refusal, e.code(), what);
            try (Stream<Path> all = Files.walk(root)) {
                assertFalse(all.anyMatch(Files::isRegularFile), "nothing left behind: " + what);
            }
        }
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("thumb at its limit", MediaKind.THUMB, jpegOf(64 * 1024), null),
                Arguments.of("thumb one byte over", MediaKind.THUMB, jpegOf(64 * 1024 + 1), MediaError.INVALID_MEDIA_SIZE),
                Arguments.of("image at its limit", MediaKind.IMAGE, jpegOf(2 * 1024 * 1024), null),
                Arguments.of("image one byte over", MediaKind.IMAGE, jpegOf(2 * 1024 * 1024 + 1), MediaError.INVALID_MEDIA_SIZE),
                Arguments.of("a JPEG as voice", MediaKind.VOICE, jpegOf(100), MediaError.INVALID_FILE_TYPE),
                Arguments.of("a PNG as thumb", MediaKind.THUMB,
                        bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13), MediaError.INVALID_FILE_TYPE),
                Arguments.of("text as image", MediaKind.IMAGE, ascii("not a picture at all, just words"),
                        MediaError.INVALID_FILE_TYPE),
                Arguments.of("three bytes of JPEG", MediaKind.IMAGE, jpegOf(3), null),
                Arguments.of("nothing", MediaKind.IMAGE, new byte[0], MediaError.MEDIA_DATA_MISSING));
    }

    @org.junit.jupiter.api.Test
    void aReadThatBreaksOffLeavesNothing(@TempDir Path root) throws IOException {
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served < 3) {
                    return new int[] {0xFF, 0xD8, 0xFF}[served++];
                }
                throw new IOException("connection reset");
            }
        };
        BusinessException e = assertThrows(BusinessException.class, () -> MediaFiles.under(root)
                .write(broken, MediaKind.IMAGE, java.time.Instant.parse("2026-12-02T10:00:00Z"), "med_0123456789abcdef"));
        assertEquals(MediaError.MEDIA_DATA_MISSING, e.code());
        try (Stream<Path> all = Files.walk(root)) {
            assertFalse(all.anyMatch(Files::isRegularFile));
        }
    }

    @org.junit.jupiter.api.Test
    void daysBeforeTheCutOffAreRemovedWholeAndNothingElse(@TempDir Path root) throws IOException {
        MediaFiles files = MediaFiles.under(root);
        for (String day : new String[] {"2026-11-27", "2026-11-28", "2026-11-29"}) {
            Files.createDirectories(root.resolve(day));
            Files.write(root.resolve(day).resolve("med_0123456789abcdef"), new byte[] {1});
            Files.write(root.resolve(day).resolve(".med_0123456789abcdee.part"), new byte[] {1});
        }
        Files.createDirectories(root.resolve("not-a-day"));
        Files.write(root.resolve("not-a-day").resolve("keep"), new byte[] {1});
        Files.write(root.resolve("2026-11-01"), new byte[] {1});

        assertEquals(2, files.removeDaysBefore(java.time.LocalDate.parse("2026-11-29")));

        assertFalse(Files.exists(root.resolve("2026-11-27")));
        assertFalse(Files.exists(root.resolve("2026-11-28")));
        assertTrue(Files.exists(root.resolve("2026-11-29").resolve("med_0123456789abcdef")));
        assertTrue(Files.exists(root.resolve("not-a-day").resolve("keep")));
        assertTrue(Files.exists(root.resolve("2026-11-01")), "a file, not a day directory");
    }
}
