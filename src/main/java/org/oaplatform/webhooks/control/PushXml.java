package org.oaplatform.webhooks.control;

import java.util.List;
import java.util.function.Consumer;

/**
 * The XML WeChat posts to a developer server for each follower message and event (spec §2.2, §2.3): element names,
 * their order and CDATA exactly as WeChat's own pushes, which SDKs parse field by field. Ordinary messages end with
 * their {@code MsgId} (the same on every retry, so servers can deduplicate); events have none.
 */
public final class PushXml {

    private PushXml() {
    }

    public static String text(PushHeader header, String content, long msgId) {
        return message(header, "text", msgId, xml -> xml.text("Content", content));
    }

    public static String image(PushHeader header, String picUrl, String mediaId, long msgId) {
        return message(header, "image", msgId, xml -> xml.text("PicUrl", picUrl).text("MediaId", mediaId));
    }

    /** {@code recognition} is the speech-to-text result, or null where the account has recognition off. */
    public static String voice(PushHeader header, String mediaId, String format, String recognition, long msgId) {
        return message(header, "voice", msgId, xml -> {
            xml.text("MediaId", mediaId).text("Format", format);
            if (recognition != null) {
                xml.text("Recognition", recognition);
            }
        });
    }

    public static String video(PushHeader header, String mediaId, String thumbMediaId, long msgId) {
        return message(header, "video", msgId, xml -> xml.text("MediaId", mediaId).text("ThumbMediaId", thumbMediaId));
    }

    public static String shortVideo(PushHeader header, String mediaId, String thumbMediaId, long msgId) {
        return message(header, "shortvideo", msgId,
                xml -> xml.text("MediaId", mediaId).text("ThumbMediaId", thumbMediaId));
    }

    /** WeChat's Location_X is the latitude and Location_Y the longitude. */
    public static String location(PushHeader header, double latitude, double longitude, int scale, String label,
            long msgId) {
        return message(header, "location", msgId, xml -> xml.decimal("Location_X", latitude)
                .decimal("Location_Y", longitude).number("Scale", scale).text("Label", label));
    }

    public static String link(PushHeader header, String title, String description, String url, long msgId) {
        return message(header, "link", msgId,
                xml -> xml.text("Title", title).text("Description", description).text("Url", url));
    }

    public static String subscribe(PushHeader header) {
        return event(header, "subscribe", xml -> { });
    }

    /** A follow that came from a parametric QR code: the scene with WeChat's {@code qrscene_} prefix, and the ticket. */
    public static String subscribeByQrCode(PushHeader header, String scene, String ticket) {
        return event(header, "subscribe", xml -> xml.text("EventKey", "qrscene_" + scene).text("Ticket", ticket));
    }

    public static String unsubscribe(PushHeader header) {
        return event(header, "unsubscribe", xml -> { });
    }

    /** A follower scanned a parametric QR code: the scene without prefix. */
    public static String scan(PushHeader header, String scene, String ticket) {
        return event(header, "SCAN", xml -> xml.text("EventKey", scene).text("Ticket", ticket));
    }

    public static String locationReport(PushHeader header, double latitude, double longitude, double precision) {
        return event(header, "LOCATION", xml -> xml.decimal("Latitude", latitude).decimal("Longitude", longitude)
                .decimal("Precision", precision));
    }

    public static String click(PushHeader header, String key) {
        return event(header, "CLICK", xml -> xml.text("EventKey", key));
    }

    /** {@code menuId} is the conditional menu's id, or null when the default menu was shown. */
    public static String view(PushHeader header, String url, Long menuId) {
        return event(header, "VIEW", xml -> {
            xml.text("EventKey", url);
            if (menuId != null) {
                xml.number("MenuId", menuId);
            }
        });
    }

    /** A mini program button: the page path as EventKey, and the conditional menu's id when one was shown. */
    public static String viewMiniProgram(PushHeader header, String pagePath, Long menuId) {
        return event(header, "view_miniprogram", xml -> {
            xml.text("EventKey", pagePath);
            if (menuId != null) {
                xml.number("MenuId", menuId);
            }
        });
    }

    public static String scanCodePush(PushHeader header, String key, String scanType, String scanResult) {
        return scanCode(header, "scancode_push", key, scanType, scanResult);
    }

    public static String scanCodeWaitMessage(PushHeader header, String key, String scanType, String scanResult) {
        return scanCode(header, "scancode_waitmsg", key, scanType, scanResult);
    }

    public static String pictureFromCamera(PushHeader header, String key, List<String> md5Sums) {
        return pictures(header, "pic_sysphoto", key, md5Sums);
    }

    public static String pictureFromCameraOrAlbum(PushHeader header, String key, List<String> md5Sums) {
        return pictures(header, "pic_photo_or_album", key, md5Sums);
    }

    public static String pictureFromWeixinAlbum(PushHeader header, String key, List<String> md5Sums) {
        return pictures(header, "pic_weixin", key, md5Sums);
    }

    /** WeChat sends the picked location's numbers as CDATA strings here, unlike the location message. */
    public static String locationSelect(PushHeader header, String key, String latitude, String longitude,
            String scale, String label, String poiName) {
        return event(header, "location_select", xml -> xml.text("EventKey", key).element("SendLocationInfo",
                info -> info.text("Location_X", latitude).text("Location_Y", longitude).text("Scale", scale)
                        .text("Label", label).text("Poiname", poiName == null ? "" : poiName)));
    }

    /** {@code status}: {@code success}, {@code failed:user block} or {@code failed: system failed} (spec §2.3). */
    public static String templateSendJobFinish(PushHeader header, long msgId, String status) {
        return event(header, "TEMPLATESENDJOBFINISH", xml -> xml.number("MsgID", msgId).text("Status", status));
    }

    /** From {@code mphelper}, as WeChat sends it; FilterCount is what was left after filtering (spec §2.3). */
    public static String massSendJobFinish(PushHeader header, long msgId, String status, long total, long filter,
            long sent, long errors) {
        return event(header, "MASSSENDJOBFINISH", xml -> xml.number("MsgID", msgId).text("Status", status)
                .number("TotalCount", total).number("FilterCount", filter).number("SentCount", sent)
                .number("ErrorCount", errors));
    }

    private static String scanCode(PushHeader header, String event, String key, String scanType, String scanResult) {
        return event(header, event, xml -> xml.text("EventKey", key)
                .element("ScanCodeInfo", info -> info.text("ScanType", scanType).text("ScanResult", scanResult)));
    }

    private static String pictures(PushHeader header, String event, String key, List<String> md5Sums) {
        return event(header, event, xml -> xml.text("EventKey", key).element("SendPicsInfo", info -> {
            info.number("Count", md5Sums.size());
            info.element("PicList", list -> md5Sums.forEach(
                    md5 -> list.element("item", item -> item.text("PicMd5Sum", md5))));
        }));
    }

    private static String message(PushHeader header, String msgType, long msgId, Consumer<WeChatXmlWriter> fields) {
        WeChatXmlWriter xml = start(header, msgType);
        fields.accept(xml);
        return xml.number("MsgId", msgId).toXml();
    }

    private static String event(PushHeader header, String event, Consumer<WeChatXmlWriter> fields) {
        WeChatXmlWriter xml = start(header, "event").text("Event", event);
        fields.accept(xml);
        return xml.toXml();
    }

    private static WeChatXmlWriter start(PushHeader header, String msgType) {
        return WeChatXmlWriter.root().text("ToUserName", header.accountOriginalId())
                .text("FromUserName", header.openid()).number("CreateTime", header.createTime())
                .text("MsgType", msgType);
    }
}
