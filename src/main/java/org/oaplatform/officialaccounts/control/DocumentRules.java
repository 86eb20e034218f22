package org.oaplatform.officialaccounts.control;

import java.util.Arrays;
import java.util.Map;
import org.oaplatform.platform.control.BusinessException;

/**
 * Which files a verification application may carry: PDF, PNG or JPEG, at most {@link #MAX_BYTES} each and
 * {@link #MAX_DOCUMENTS} in all. The declared type must match the file's first bytes, so a renamed executable
 * does not pass as a scan.
 */
public final class DocumentRules {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DOCUMENTS = 3;

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private DocumentRules() {
    }

    public static void check(String fileName, String contentType, byte[] content) {
        byte[] signature = contentType == null ? null : SIGNATURES.get(contentType.strip());
        if (signature == null) {
            throw rejected(fileName + ": only application/pdf, image/png and image/jpeg are accepted");
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw rejected(fileName + ": a document must have 1 to " + MAX_BYTES + " bytes");
        }
        if (content.length < signature.length
                || !Arrays.equals(Arrays.copyOf(content, signature.length), signature)) {
            throw rejected(fileName + ": the content is not a " + contentType + " file");
        }
    }

    public static void checkCount(int count) {
        if (count < 1 || count > MAX_DOCUMENTS) {
            throw rejected("an application carries 1 to " + MAX_DOCUMENTS + " documents");
        }
    }

    private static BusinessException rejected(String message) {
        return new BusinessException(OfficialAccountError.DOCUMENT_REJECTED, message);
    }
}
