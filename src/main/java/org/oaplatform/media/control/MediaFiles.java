package org.oaplatform.media.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.media.entity.MediaFormat;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.platform.control.BusinessException;

/**
 * The media files under {@code oa.media.dir} ({@code OA_MEDIA_DIR}; {@code media} in the server's working directory
 * when unset): one directory per UTC day of upload, one file per media id. An upload is streamed into a hidden
 * {@code .part} file of its day, checked while it arrives (format from the first bytes, size against its kind's
 * limit) and renamed into place only when it is whole and acceptable, so a refused or broken upload leaves no file.
 * <p>
 * Day directories make the purge cheap and thorough: once every media of a day has expired, the whole directory goes,
 * with whatever a crash may have left in it (a {@code .part} file, a file whose row was never committed). The
 * directory must be shared by every instance of a deployment group ({@code docs/media.md}).
 */
@ApplicationScoped
public class MediaFiles {

    private static final Logger LOG = Logger.getLogger(MediaFiles.class.getName());
    private static final String DEFAULT_DIRECTORY = "media";
    private static final int BUFFER = 64 * 1024;

    /** A file that was written whole and accepted: where it lies below the root, what it is and how large. */
    public record Written(String relativePath, MediaFormat format, long size) {
    }

    @Inject
    @ConfigProperty(name = "oa.media.dir")
    Optional<String> configuredRoot;

    private Path root;

    public MediaFiles() {
    }

    private MediaFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Files under {@code root}, outside the container (tests, tools). */
    public static MediaFiles under(Path root) {
        return new MediaFiles(root);
    }

    @PostConstruct
    void chooseRoot() {
        root = Path.of(configuredRoot.map(String::strip).filter(s -> !s.isEmpty()).orElse(DEFAULT_DIRECTORY))
                .toAbsolutePath().normalize();
        LOG.info(() -> "Temporary media files in " + root);
    }

    public Path root() {
        return root;
    }

    /**
     * Streams {@code content} into the directory of {@code uploadedAt}'s day as {@code name}.
     *
     * @throws BusinessException {@code INVALID_FILE_TYPE} when the first bytes are not a format {@code kind} takes,
     *         {@code INVALID_MEDIA_SIZE} beyond the kind's limit, {@code MEDIA_DATA_MISSING} for no bytes or a read that
     *         broke off; in every case nothing is left on disk
     */
    public Written write(InputStream content, MediaKind kind, Instant uploadedAt, String name) {
        String day = LocalDate.ofInstant(uploadedAt, ZoneOffset.UTC).toString();
        Path directory = root.resolve(day);
        Path partial = directory.resolve("." + name + ".part");
        try {
            Files.createDirectories(directory);
            MediaFormat format = copy(content, partial, kind);
            long size = Files.size(partial);
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new Written(day + "/" + name, format, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media in " + directory, e);
        } finally {
            quietlyDelete(partial);
        }
    }

    /** Copies until the end of {@code content}, refusing as soon as the format or the size is known to be wrong. */
    private static MediaFormat copy(InputStream content, Path partial, MediaKind kind) throws IOException {
        byte[] head = new byte[MagicBytes.HEAD_LENGTH];
        int headLength = 0;
        MediaFormat format = null;
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n = read(content, buffer); n >= 0; n = read(content, buffer)) {
                if (headLength < head.length) {
                    int taken = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, taken);
                    headLength += taken;
                    if (headLength == head.length) {
                        format = acceptedFormat(head, headLength, kind);
                    }
                }
                size += n;
                if (size > kind.maxBytes()) {
                    throw new BusinessException(MediaError.INVALID_MEDIA_SIZE,
                            kind.wireName() + " files have at most " + kind.maxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        if (size == 0) {
            throw new BusinessException(MediaError.MEDIA_DATA_MISSING, "the media file is empty");
        }
        return format != null ? format : acceptedFormat(head, headLength, kind);
    }

    private static MediaFormat acceptedFormat(byte[] head, int length, MediaKind kind) {
        return MagicBytes.detect(head, length).filter(kind::allows).orElseThrow(() -> new BusinessException(
                MediaError.INVALID_FILE_TYPE, kind.wireName() + " takes " + kind.formatNames()));
    }

    /** A read from the client; when it fails, the upload broke off and the data is missing, not the disk broken. */
    private static int read(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new BusinessException(MediaError.MEDIA_DATA_MISSING, "the upload broke off before its end");
        }
    }

    /** The file's content, or empty when it is gone (purged meanwhile). */
    public Optional<InputStream> open(String relativePath) {
        try {
            return Optional.of(Files.newInputStream(resolve(relativePath)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file; a failure is logged, and the day's directory goes later anyway. */
    public void delete(String relativePath) {
        quietlyDelete(resolve(relativePath));
    }

    /**
     * Removes the directories of the days before {@code cutoff}, whatever they still hold; other names are left alone.
     *
     * @return how many days were removed
     */
    public int removeDaysBefore(LocalDate cutoff) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> days = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path day : days) {
                if (dayOf(day).filter(d -> d.isBefore(cutoff)).isPresent() && removeTree(day)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "cannot list " + root + "; old media days are left for the next run");
        }
        return removed;
    }

    private static Optional<LocalDate> dayOf(Path directory) {
        try {
            return Optional.of(LocalDate.parse(directory.getFileName().toString()));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static boolean removeTree(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(MediaFiles::quietlyDelete);
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "cannot remove " + directory);
        }
        return !Files.exists(directory);
    }

    private Path resolve(String relativePath) {
        Path path = root.resolve(relativePath).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not below the media directory: " + relativePath);
        }
        return path;
    }

    private static void quietlyDelete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "cannot delete " + path);
        }
    }
}
