package org.oaplatform.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body built by hand, so that tests control every part (and can send broken ones). */
public final class MultipartBody {

    private final String boundary = "----oa" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A file part as SDKs send it: a file name and {@code application/octet-stream}, whatever the file is. */
    public MultipartBody file(String name, String fileName, byte[] content) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text("\r\n");
        return this;
    }

    public MultipartBody field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** The body with its closing delimiter. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return all.toByteArray();
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** A body with one part named {@code media}, the way WeChat's upload APIs take a file. */
    public static MultipartBody media(String fileName, byte[] content) {
        return new MultipartBody().file("media", fileName, content);
    }

    private void text(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
