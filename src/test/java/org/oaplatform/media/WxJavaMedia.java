package org.oaplatform.media;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.common.bean.result.WxMediaUploadResult;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpMaterialService;
import org.oaplatform.testsupport.WeChatSdk;

/**
 * WxJava's temporary media calls ({@code WxMpMaterialService.mediaUpload} / {@code mediaDownload}), unmodified, with
 * only JDK types in and out: {@code MediaIT} also runs in the server, which has no WxJava, and must load there.
 */
final class WxJavaMedia {

    private final WxMpMaterialService material;
    private final Path directory;

    WxJavaMedia(URL base, String appid, String secret) throws IOException {
        this.material = WeChatSdk.forAccount(base, appid, secret, false).getMaterialService();
        this.directory = Files.createTempDirectory("wxjava-media");
    }

    /** WxJava's upload of a file named {@code fileName}: the answer's {@code type}, ids and {@code created_at}. */
    Map<String, Object> upload(String type, String fileName, byte[] content) throws Exception {
        WxMediaUploadResult result = material.mediaUpload(type, file(fileName, content));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", result.getType());
        answer.put("media_id", result.getMediaId());
        answer.put("thumb_media_id", result.getThumbMediaId());
        answer.put("created_at", result.getCreatedAt());
        return answer;
    }

    /** The errcode WxJava reports for this upload; 0 when it succeeded. */
    int uploadErrcode(String type, String fileName, byte[] content) throws IOException {
        try {
            material.mediaUpload(type, file(fileName, content));
            return 0;
        } catch (WxErrorException e) {
            return e.getError().getErrorCode();
        }
    }

    /** The file WxJava saved, named as the server's {@code Content-disposition} said. */
    File download(String mediaId) throws Exception {
        return material.mediaDownload(mediaId);
    }

    int downloadErrcode(String mediaId) {
        try {
            material.mediaDownload(mediaId);
            return 0;
        } catch (WxErrorException e) {
            return e.getError().getErrorCode();
        }
    }

    private File file(String fileName, byte[] content) throws IOException {
        Path file = Files.createTempDirectory(directory, "upload").resolve(fileName);
        Files.write(file, content);
        return file.toFile();
    }
}
