package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

/** Exact shapes where the spec gives one, and WxJava's own parser reading every field of every push we build. */
class PushXmlTest {

    private static final PushHeader HEADER = new PushHeader("gh_xxx", "oOPENID", Instant.ofEpochSecond(1348831860, 999_000_000));

    @Test
    void writesTheSpecsTextExampleByteForByte() {
        assertEquals("<xml><ToUserName><![CDATA[gh_xxx]]></ToUserName><FromUserName><![CDATA[oOPENID]]></FromUserName>"
                + "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId></xml>",
                PushXml.text(HEADER, "this is a test", 1234567890123456L));
    }

    @Test
    void wxJavaReadsMessages() {
        WxMpXmlMessage text = parsed(PushXml.text(HEADER, "你好 <b>&amp; ]]> done", 9_007_199_254_740_993L));
        assertCommon(text, "text");
        assertEquals("你好 <b>&amp; ]]> done", text.getContent());
        assertEquals(9_007_199_254_740_993L, text.getMsgId());

        WxMpXmlMessage image = parsed(PushXml.image(HEADER, "https://oa.example/p.jpg", "MEDIA1", 2));
        assertCommon(image, "image");
        assertEquals("https://oa.example/p.jpg", image.getPicUrl());
        assertEquals("MEDIA1", image.getMediaId());

        WxMpXmlMessage voice = parsed(PushXml.voice(HEADER, "MEDIA2", "amr", "腾讯微信团队", 3));
        assertCommon(voice, "voice");
        assertEquals("MEDIA2", voice.getMediaId());
        assertEquals("amr", voice.getFormat());
        assertEquals("腾讯微信团队", voice.getRecognition());
        assertNull(parsed(PushXml.voice(HEADER, "MEDIA2", "speex", null, 3)).getRecognition());

        for (String type : List.of("video", "shortvideo")) {
            String xml = type.equals("video") ? PushXml.video(HEADER, "MEDIA3", "THUMB3", 4)
                    : PushXml.shortVideo(HEADER, "MEDIA3", "THUMB3", 4);
            WxMpXmlMessage video = parsed(xml);
            assertCommon(video, type);
            assertEquals("MEDIA3", video.getMediaId());
            assertEquals("THUMB3", video.getThumbMediaId());
            assertEquals(4L, video.getMsgId());
        }

        WxMpXmlMessage location = parsed(PushXml.location(HEADER, 23.134521, 113.358803, 20, "位置信息", 5));
        assertCommon(location, "location");
        assertEquals(23.134521, location.getLocationX());
        assertEquals(113.358803, location.getLocationY());
        assertEquals(20.0, location.getScale());
        assertEquals("位置信息", location.getLabel());

        WxMpXmlMessage link = parsed(PushXml.link(HEADER, "Title", "Desc", "https://oa.example/a?b=1&c=2", 6));
        assertCommon(link, "link");
        assertEquals("Title", link.getTitle());
        assertEquals("Desc", link.getDescription());
        assertEquals("https://oa.example/a?b=1&c=2", link.getUrl());
        assertEquals(6L, link.getMsgId());
    }

    @Test
    void wxJavaReadsFollowEvents() {
        WxMpXmlMessage subscribe = parsed(PushXml.subscribe(HEADER));
        assertEvent(subscribe, "subscribe");
        assertNull(subscribe.getEventKey());
        assertNull(subscribe.getMsgId());

        WxMpXmlMessage byQr = parsed(PushXml.subscribeByQrCode(HEADER, "123", "TICKET"));
        assertEvent(byQr, "subscribe");
        assertEquals("qrscene_123", byQr.getEventKey());
        assertEquals("TICKET", byQr.getTicket());

        assertEvent(parsed(PushXml.unsubscribe(HEADER)), "unsubscribe");

        WxMpXmlMessage scan = parsed(PushXml.scan(HEADER, "shop_7", "TICKET2"));
        assertEvent(scan, "SCAN");
        assertEquals("shop_7", scan.getEventKey());
        assertEquals("TICKET2", scan.getTicket());

        WxMpXmlMessage location = parsed(PushXml.locationReport(HEADER, 23.137466, 113.352425, 119.38504));
        assertEvent(location, "LOCATION");
        assertEquals(23.137466, location.getLatitude());
        assertEquals(113.352425, location.getLongitude());
        assertEquals(119.38504, location.getPrecision());

        WxMpXmlMessage finished = parsed(PushXml.templateSendJobFinish(HEADER, 200163836, "failed:user block"));
        assertEvent(finished, "TEMPLATESENDJOBFINISH");
        assertEquals(200163836L, finished.getMsgId(), "WxJava reads WeChat's MsgID of this event into msgId");
        assertEquals("failed:user block", finished.getStatus());
    }

    @Test
    void wxJavaReadsMenuEvents() {
        WxMpXmlMessage click = parsed(PushXml.click(HEADER, "V1001_TODAY_MUSIC"));
        assertEvent(click, "CLICK");
        assertEquals("V1001_TODAY_MUSIC", click.getEventKey());

        WxMpXmlMessage view = parsed(PushXml.view(HEADER, "https://oa.example/", 208379533L));
        assertEvent(view, "VIEW");
        assertEquals("https://oa.example/", view.getEventKey());
        assertEquals(208379533L, view.getMenuId());
        assertNull(parsed(PushXml.view(HEADER, "https://oa.example/", null)).getMenuId());

        WxMpXmlMessage miniProgram = parsed(PushXml.viewMiniProgram(HEADER, "pages/index?x=1", 208379534L));
        assertEvent(miniProgram, "view_miniprogram");
        assertEquals("pages/index?x=1", miniProgram.getEventKey());
        assertEquals(208379534L, miniProgram.getMenuId());

        for (String event : List.of("scancode_push", "scancode_waitmsg")) {
            String xml = event.equals("scancode_push") ? PushXml.scanCodePush(HEADER, "rselfmenu_0_1", "qrcode", "1")
                    : PushXml.scanCodeWaitMessage(HEADER, "rselfmenu_0_1", "qrcode", "1");
            WxMpXmlMessage scan = parsed(xml);
            assertEvent(scan, event);
            assertEquals("rselfmenu_0_1", scan.getEventKey());
            assertEquals("qrcode", scan.getScanCodeInfo().getScanType());
            assertEquals("1", scan.getScanCodeInfo().getScanResult());
        }

        WxMpXmlMessage picked = parsed(PushXml.locationSelect(HEADER, "rselfmenu_2_0", "23", "113", "15",
                "广州市海珠区客村艺苑路 106号", null));
        assertEvent(picked, "location_select");
        assertEquals("rselfmenu_2_0", picked.getEventKey());
        assertEquals("23", picked.getSendLocationInfo().getLocationX());
        assertEquals("113", picked.getSendLocationInfo().getLocationY());
        assertEquals("15", picked.getSendLocationInfo().getScale());
        assertEquals("广州市海珠区客村艺苑路 106号", picked.getSendLocationInfo().getLabel());
        assertEquals("", picked.getSendLocationInfo().getPoiName() == null ? "" : picked.getSendLocationInfo().getPoiName());
    }

    /**
     * WxJava 4.7.9.B cannot read these events at all, not even WeChat's own sample: its XStream aliases {@code item}
     * to two classes and throws a ClassCastException. So the shape is checked against the official sample instead.
     */
    @Test
    void writesPictureEventsAsWeChatsSample() {
        List<String> md5s = List.of("1b5f7c23b5bf75682a53e7b6d163e185", "a7f8e8f9f8e8f9f8e8f9f8e8f9f8e8f9");
        String fields = "<EventKey><![CDATA[rselfmenu_1_0]]></EventKey><SendPicsInfo><Count>2</Count><PicList>"
                + "<item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item>"
                + "<item><PicMd5Sum><![CDATA[a7f8e8f9f8e8f9f8e8f9f8e8f9f8e8f9]]></PicMd5Sum></item>"
                + "</PicList></SendPicsInfo></xml>";
        assertEquals(eventStart("pic_sysphoto") + fields, PushXml.pictureFromCamera(HEADER, "rselfmenu_1_0", md5s));
        assertEquals(eventStart("pic_photo_or_album") + fields,
                PushXml.pictureFromCameraOrAlbum(HEADER, "rselfmenu_1_0", md5s));
        assertEquals(eventStart("pic_weixin") + fields, PushXml.pictureFromWeixinAlbum(HEADER, "rselfmenu_1_0", md5s));
    }

    private static String eventStart(String event) {
        return "<xml><ToUserName><![CDATA[gh_xxx]]></ToUserName><FromUserName><![CDATA[oOPENID]]></FromUserName>"
                + "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>";
    }

    @Test
    void keepsEventsThatWeChatWritesWithoutEventKeyFreeOfIt() {
        assertEquals("<xml><ToUserName><![CDATA[gh_xxx]]></ToUserName><FromUserName><![CDATA[oOPENID]]></FromUserName>"
                + "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[subscribe]]></Event></xml>", PushXml.subscribe(HEADER));
    }

    @Test
    void splitsCdataAroundItsTerminatorAndReplacesWhatXmlCannotCarry() {
        String xml = PushXml.text(HEADER, "a]]>b\u0000c\uD800d😀", 1);
        assertEquals(true, xml.contains("<Content><![CDATA[a]]]]><![CDATA[>b\uFFFDc\uFFFDd😀]]></Content>"), xml);
        assertEquals("a]]>b\uFFFDc\uFFFDd😀", parsed(xml).getContent());
    }

    @Test
    void writesCoordinatesInPlainNotation() {
        String xml = PushXml.locationReport(HEADER, 0.00001, -179.5, 1e7);
        assertEquals(true, xml.contains("<Latitude>0.00001</Latitude><Longitude>-179.5</Longitude>"
                + "<Precision>10000000</Precision>"), xml);
    }

    private static WxMpXmlMessage parsed(String xml) {
        return WxMpXmlMessage.fromXml(xml);
    }

    private static void assertCommon(WxMpXmlMessage message, String msgType) {
        assertEquals("gh_xxx", message.getToUser());
        assertEquals("oOPENID", message.getFromUser());
        assertEquals(1348831860L, message.getCreateTime());
        assertEquals(msgType, message.getMsgType());
    }

    private static void assertEvent(WxMpXmlMessage message, String event) {
        assertCommon(message, "event");
        assertEquals(event, message.getEvent());
    }
}
