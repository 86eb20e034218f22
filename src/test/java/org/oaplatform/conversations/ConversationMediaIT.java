package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.testsupport.DeveloperServerStub.Answer;
import org.oaplatform.testsupport.DeveloperServerStub.Received;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.MultipartBody;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;

/**
 * Followers send images, voices and videos of their own; a developer server written with WxJava gets the push with
 * MediaId and PicUrl, fetches the media with {@code mediaDownload} and answers with an image of the account, which the
 * follower then sees and reads. Media that are not the sender's to send are refused, on both sides.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversationMediaIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private App app() {
        return TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
    }

    private Api follower(App app) {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        Reply followed = person.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build());
        assertEquals(201, followed.status(), followed.text());
        return person;
    }

    private static String upload(Api person, String type, byte[] content) {
        MultipartBody body = MultipartBody.media("file", content);
        Reply uploaded = person.post("api/v1/media?type=" + type, body.bytes(), body.contentType());
        assertEquals(201, uploaded.status(), uploaded.text());
        return uploaded.json().getString("mediaId");
    }

    private static Reply send(Api person, App app, String type, String mediaId) {
        return person.post("api/v1/conversations/" + app.appid() + "/messages",
                Json.createObjectBuilder().add("type", type).add("mediaId", mediaId).build());
    }

    private static JsonArray messages(Api person, App app) {
        Reply reply = person.get("api/v1/conversations/" + app.appid() + "/messages?limit=50");
        assertEquals(200, reply.status(), reply.text());
        return reply.json().getJsonArray("messages");
    }

    private static String accountMedia(WxMpService wx, String type, String fileType, byte[] content)
            throws WxErrorException {
        return wx.getMaterialService().mediaUpload(type, fileType, new ByteArrayInputStream(content)).getMediaId();
    }

    private static WxMpXmlOutMessage imageReply(Received push, String mediaId) {
        return WxMpXmlOutMessage.IMAGE().mediaId(mediaId).fromUser(push.message().getToUser())
                .toUser(push.message().getFromUser()).build();
    }

    @Test
    void theDeveloperServerFetchesAFollowersImageAndAnswersWithTheAccountsOwnWhichTheFollowerMayThenRead()
            throws Exception {
        App app = app();
        Api person = follower(app);
        WxMpService wx = WeChatSdk.forAccount(base, app);
        byte[] accountPicture = SampleMedia.png();
        String accountImage = accountMedia(wx, "image", "png", accountPicture);
        byte[] photo = SampleMedia.jpeg(20_000);
        String photoId = upload(person, "image", photo);
        assertThrows(WxErrorException.class, () -> wx.getMaterialService().mediaDownload(photoId),
                "not sent yet: not the account's to read");
        assertEquals(404, person.download("api/v1/media/" + accountImage).status(), "not sent yet");

        AtomicReference<byte[]> fetched = new AtomicReference<>();
        try (DeveloperServerStub server = DeveloperServerStub.start(app.appid())) {
            server.connect(app, "SAFE");
            server.answer(push -> {
                if (!"image".equals(push.message().getMsgType())) {
                    return Answer.of("success");
                }
                try {
                    File file = wx.getMaterialService().mediaDownload(push.message().getMediaId());
                    fetched.set(Files.readAllBytes(file.toPath()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return server.reply(push, imageReply(push, accountImage));
            });

            Reply sent = send(person, app, "image", photoId);
            assertEquals(201, sent.status(), sent.text());
            assertEquals(photoId, sent.json().getJsonObject("content").getString("mediaId"));
            WxMpXmlMessage pushed = server.await(1).message();
            assertEquals("image", pushed.getMsgType());
            assertEquals(photoId, pushed.getMediaId());
            assertEquals(Long.parseLong(sent.json().getString("id")), pushed.getMsgId());
            URI picUrl = URI.create(pushed.getPicUrl());
            assertEquals("/cgi-bin/media/get", picUrl.getPath(), pushed.getPicUrl());
            Api.Download byPicUrl = new Api(base).download(picUrl.getPath().substring(1) + "?" + picUrl.getQuery()
                    + "&access_token=" + app.token());
            assertArrayEquals(photo, byPicUrl.body(), "the PicUrl serves the picture to the account's token");

            JsonArray both = Eventually.poll(PATIENCE, () -> messages(person, app), m -> m.size() == 2);
            JsonObject answer = both.getJsonObject(0);
            assertEquals("out", answer.getString("direction"));
            assertEquals("image", answer.getString("type"));
            assertEquals(accountImage, answer.getJsonObject("content").getString("mediaId"));
            assertArrayEquals(photo, fetched.get(), "mediaDownload read what the follower sent");
            Api.Download shown = person.download("api/v1/media/" + accountImage);
            assertEquals(200, shown.status());
            assertArrayEquals(accountPicture, shown.body());

            byte[] voice = SampleMedia.amr();
            assertEquals(201, send(person, app, "voice", upload(person, "voice", voice)).status());
            WxMpXmlMessage spoken = server.await(2).message();
            assertEquals("voice", spoken.getMsgType());
            assertEquals("amr", spoken.getFormat());
            String clip = upload(person, "video", SampleMedia.mp4(30_000));
            assertEquals(201, send(person, app, "video", clip).status());
            WxMpXmlMessage video = server.await(3).message();
            assertEquals("video", video.getMsgType());
            assertEquals(clip, video.getMediaId());
        }
    }

    @Test
    void mediaThatAreNotTheSendersToSendAreRefusedAndARefusedMediaReplyIsLoggedWithItsReason() throws Exception {
        App app = app();
        Api person = follower(app);
        Api other = follower(app);
        WxMpService wx = WeChatSdk.forAccount(base, app);
        String voice = upload(person, "voice", SampleMedia.mp3());
        String othersImage = upload(other, "image", SampleMedia.gif());
        String accountImage = accountMedia(wx, "image", "png", SampleMedia.png());

        assertProblem(404, "invalid-media-id", send(person, app, "image", voice));
        assertProblem(404, "invalid-media-id", send(person, app, "image", othersImage));
        assertProblem(404, "invalid-media-id", send(person, app, "image", accountImage));
        assertProblem(404, "invalid-media-id", send(person, app, "image", "med_0000000000000000"));
        assertProblem(400, "invalid-message", send(person, app, "image", " "));
        assertProblem(400, "message-type-not-supported", send(person, app, "shortvideo", voice));
        assertEquals(0, messages(person, app).size(), "nothing refused is kept");

        try (DeveloperServerStub server = DeveloperServerStub.start(app.appid())) {
            server.connect(app, "PLAIN");
            // first a person's image (not the account's), then the account's image as a voice
            server.answer(push -> server.reply(push, "1".equals(push.message().getContent())
                    ? imageReply(push, othersImage)
                    : WxMpXmlOutMessage.VOICE().mediaId(accountImage).fromUser(push.message().getToUser())
                            .toUser(push.message().getFromUser()).build()));
            for (String text : List.of("1", "2")) {
                assertEquals(201, person.post("api/v1/conversations/" + app.appid() + "/messages",
                        Json.createObjectBuilder().add("type", "text").add("content", text).build()).status());
            }
            JsonArray log = Eventually.poll(PATIENCE, () -> app.owner().get("api/v1/official-accounts/"
                    + app.appid() + "/deliveries?limit=10").json().getJsonArray("deliveries"), d -> d.size() == 2);
            for (JsonObject attempt : log.getValuesAs(JsonObject.class)) {
                assertEquals("REPLY_REFUSED", attempt.getString("outcome"), attempt.toString());
                assertTrue(attempt.getString("error").startsWith("invalid-media-id"), attempt.toString());
            }
            assertEquals(List.of("in", "in"), messages(person, app).stream()
                    .map(m -> m.asJsonObject().getString("direction")).toList(), "the follower sees nothing broken");
            assertEquals(404, person.download("api/v1/media/" + accountImage).status());
        }
    }

    private static void assertProblem(int status, String type, Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(type, reply.problem(), reply.text());
    }
}
