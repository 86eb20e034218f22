package org.oaplatform.followers.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the picture of a QR code with ZXing: a PNG of {@link #SIZE} pixels square like WeChat's {@code showqrcode}
 * images, error correction M (a printed code survives some dirt) and a quiet zone of two modules.
 */
public final class QrImages {

    public static final int SIZE = 430;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, 2);

    private QrImages() {
    }

    public static byte[] png(String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE, HINTS);
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("cannot draw a QR code of " + content.length() + " characters", tooLong);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        // An in-memory image stream: ImageIO's default caches in temporary files, which a server need not touch.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            if (!ImageIO.write(MatrixToImageWriter.toBufferedImage(matrix), "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
