package org.oaplatform.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oaplatform.testsupport.SampleMedia.amr;
import static org.oaplatform.testsupport.SampleMedia.bmp;
import static org.oaplatform.testsupport.SampleMedia.gif;
import static org.oaplatform.testsupport.SampleMedia.jpeg;
import static org.oaplatform.testsupport.SampleMedia.mp3;
import static org.oaplatform.testsupport.SampleMedia.mp4;
import static org.oaplatform.testsupport.SampleMedia.png;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.MediaPurge;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.control.MediaFiles;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.MultipartBody;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;

/**
 * Temporary media (spec §9.1) end to end: WxJava's own upload and download against the server, every errcode, the
 * follower's side of the client API, grants between a follower and an account, the purge three days later with the
 * clock moved, and uploads that fail without leaving a file or a row. Client tests run outside the server; the others
 * inside, where they reach the boundary, the database and the media directory.
 */
@ExtendWith(ArquillianExtension.class)
class MediaIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock().addClasses(MultipartBody.class, SampleMedia.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    Media media;

    @Inject
    MediaPurge purge;

    @Inject
    MediaFiles files;

    @Inject
    OfficialAccounts accounts;

    @Inject
    People people;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @AfterEach
    void backToNow() {
        if (clock != null) {
            clock.reset();
        }
    }

    // ---- WeChat's API through WxJava and raw HTTP

    @Test
    @RunAsClient
    void wxJavaUploadsEveryKindAndDownloadsItBack() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxJavaMedia wx = new WxJavaMedia(base, app.appid(), app.secret());
        String token = app.token();
        Map<String, byte[]> images = Map.of("photo.jpg", jpeg(40_000), "chart.png", png(), "anim.gif", gif(),
                "scan.bmp", bmp());
        Map<String, String> types = Map.of("jpg", "image/jpeg", "png", "image/png", "gif", "image/gif", "bmp",
                "image/bmp", "amr", "audio/amr", "mp3", "audio/mpeg");
        Map<String, Object[]> uploads = new java.util.LinkedHashMap<>();
        images.forEach((name, content) -> uploads.put(name, new Object[] {"image", content}));
        uploads.put("hello.amr", new Object[] {"voice", amr()});
        uploads.put("song.mp3", new Object[] {"voice", mp3()});
        uploads.put("cover.jpg", new Object[] {"thumb", jpeg(60_000)});

        for (Map.Entry<String, Object[]> upload : uploads.entrySet()) {
            String type = (String) upload.getValue()[0];
            byte[] content = (byte[]) upload.getValue()[1];
            Map<String, Object> answer = wx.upload(type, upload.getKey(), content);
            assertEquals(type, answer.get("type"), upload.getKey());
            String mediaId = (String) answer.get(type.equals("thumb") ? "thumb_media_id" : "media_id");
            assertTrue(mediaId != null && mediaId.matches("med_[0-9a-f]{16}"), upload.getKey() + ": " + answer);
            long createdAt = (Long) answer.get("created_at");
            assertTrue(Math.abs(createdAt - Instant.now().getEpochSecond()) < 120, "created_at in seconds: " + createdAt);

            File saved = wx.download(mediaId);
            assertArrayEquals(content, Files.readAllBytes(saved.toPath()), upload.getKey());
            String extension = upload.getKey().substring(upload.getKey().indexOf('.') + 1);
            assertTrue(saved.getName().endsWith("." + extension), "named after the format: " + saved.getName());

            Api.Download raw = app.owner().download("cgi-bin/media/get?access_token=" + token + "&media_id=" + mediaId);
            assertEquals(200, raw.status());
            assertEquals(types.get(extension), baseType(raw.contentType()));
            assertEquals("attachment; filename=\"" + mediaId + "." + extension + "\"", raw.header("Content-Disposition"));
            assertEquals(String.valueOf(content.length), raw.header("Content-Length"));
        }

        byte[] video = mp4(300_000);
        Map<String, Object> uploaded = wx.upload("video", "clip.mp4", video);
        assertEquals("video", uploaded.get("type"));
        JsonObject answer = app.owner().get("cgi-bin/media/get?access_token=" + token + "&media_id="
                + uploaded.get("media_id")).json();
        String url = answer.getString("video_url");
        assertTrue(url.matches("https?://[^/]+/cgi-bin/media/video/[A-Za-z0-9_-]{43}"), url);
        Api.Download clip = new Api(base).download(URI.create(url).getPath().substring(1));
        assertEquals(200, clip.status(), "a video's URL needs no token");
        assertEquals("video/mp4", baseType(clip.contentType()));
        assertArrayEquals(video, clip.body());
    }

    @Test
    @RunAsClient
    void refusesWithWeChatsErrcodes() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxJavaMedia wx = new WxJavaMedia(base, app.appid(), app.secret());
        String token = app.token();
        Api api = app.owner();

        assertEquals(40004, wx.uploadErrcode("file", "a.jpg", jpeg(1_000)), "no such type");
        assertEquals(40004, wx.uploadErrcode("IMAGE", "a.jpg", jpeg(1_000)), "types are lower case");
        assertEquals(40005, wx.uploadErrcode("image", "a.jpg", "not a picture, only words".getBytes()), "text");
        assertEquals(40005, wx.uploadErrcode("thumb", "a.png", png()), "thumbs are JPEG");
        assertEquals(40005, wx.uploadErrcode("video", "a.mp4", jpeg(1_000)), "a picture named .mp4");
        assertEquals(40005, wx.uploadErrcode("voice", "a.amr", mp4(1_000)), "a video as voice");
        assertEquals(40006, wx.uploadErrcode("thumb", "a.jpg", jpeg(64 * 1024 + 1)), "thumb over 64 KB");
        assertEquals(40006, wx.uploadErrcode("image", "a.jpg", jpeg(2 * 1024 * 1024 + 1)), "image over 2 MB");
        assertEquals(40006, wx.uploadErrcode("voice", "a.mp3",
                mp3(2 * 1024 * 1024 + 1)), "voice over 2 MB");
        assertEquals(0, wx.uploadErrcode("thumb", "a.jpg", jpeg(64 * 1024)), "thumb of exactly 64 KB");
        assertEquals(40007, wx.downloadErrcode("med_0123456789abcdef"), "unknown");
        assertEquals(40007, wx.downloadErrcode("not-a-media-id"), "malformed");

        String upload = "cgi-bin/media/upload?access_token=" + token;
        assertEquals(40004, api.post(upload, MultipartBody.media("a.jpg", jpeg(100)).bytes(),
                MultipartBody.media("a.jpg", jpeg(100)).contentType()).errcode(), "no type at all");
        assertEquals(41005, api.post(upload + "&type=image", "{\"media\":\"x\"}", "application/json").errcode(),
                "not multipart");
        MultipartBody noMediaPart = new MultipartBody().file("file", "a.jpg", jpeg(100));
        assertEquals(41005, api.post(upload + "&type=image", noMediaPart.bytes(), noMediaPart.contentType()).errcode(),
                "no part named media");
        MultipartBody empty = MultipartBody.media("a.jpg", new byte[0]);
        assertEquals(41005, api.post(upload + "&type=image", empty.bytes(), empty.contentType()).errcode(), "empty file");
        assertEquals(41005, api.post(upload + "&type=image", "--nonsense\r\n\r\n".getBytes(),
                "multipart/form-data; boundary=elsewhere").errcode(), "broken multipart");
        byte[] sixMegabytes = mp4(6 * 1024 * 1024);
        MultipartBody tooLarge = MultipartBody.media("big.mp4", sixMegabytes);
        assertEquals(45002, api.post(upload + "&type=video", tooLarge.bytes(), tooLarge.contentType()).errcode(),
                "over OA_MAX_REQUEST_BYTES (docs/media.md)");

        assertEquals(41006, api.get("cgi-bin/media/get?access_token=" + token).errcode());
        assertEquals(41006, api.get("cgi-bin/media/get?access_token=" + token + "&media_id=").errcode());
        Api.Reply unknownVideo = new Api(base).get("cgi-bin/media/video/" + "A".repeat(43));
        assertEquals(200, unknownVideo.status());
        assertEquals(40007, unknownVideo.errcode());
        assertEquals(40007, new Api(base).get("cgi-bin/media/video/short").errcode());

        App other = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String othersMedia = (String) new WxJavaMedia(base, other.appid(), other.secret())
                .upload("image", "theirs.png", png()).get("media_id");
        assertEquals(40007, wx.downloadErrcode(othersMedia), "another account's media");

        // Temporary media are material management (spec §12.2): not for unverified accounts.
        JsonObject unverified = api.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Unv")))
                .json();
        WxJavaMedia unverifiedWx = new WxJavaMedia(base, unverified.getString("appid"), unverified.getString("secret"));
        assertEquals(48001, unverifiedWx.uploadErrcode("image", "a.jpg", jpeg(100)));
        assertEquals(48001, unverifiedWx.downloadErrcode(othersMedia));
    }

    // ---- the follower's side

    @Test
    @RunAsClient
    void aFollowerUploadsMediaAndSeesOnlyWhatIsTheirs() {
        Api follower = TestData.person(new Api(base), TestData.cnPhone());
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        byte[] picture = png();
        MultipartBody body = MultipartBody.media("me.png", picture);

        Api.Reply created = follower.post("api/v1/media?type=image", body.bytes(), body.contentType());
        assertEquals(201, created.status(), created.text());
        JsonObject view = created.json();
        String mediaId = view.getString("mediaId");
        assertTrue(mediaId.matches("med_[0-9a-f]{16}"));
        assertEquals("image", view.getString("type"));
        assertEquals("image/png", view.getString("contentType"));
        assertEquals(picture.length, view.getInt("size"));
        assertEquals(Instant.parse(view.getString("createdAt")).plus(Duration.ofDays(3)),
                Instant.parse(view.getString("expiresAt")));
        assertTrue(created.header("Location").endsWith("/api/v1/media/" + mediaId), created.header("Location"));

        Api.Download own = follower.download("api/v1/media/" + mediaId);
        assertEquals(200, own.status());
        assertEquals("image/png", baseType(own.contentType()));
        assertArrayEquals(picture, own.body());
        assertEquals("inline; filename=\"" + mediaId + ".png\"", own.header("Content-Disposition"));

        Api.Reply notTheirs = stranger.download("api/v1/media/" + mediaId).asReply();
        assertEquals(404, notTheirs.status());
        assertEquals("invalid-media-id", notTheirs.problem());
        assertEquals(401, new Api(base).download("api/v1/media/" + mediaId).status());
        assertEquals("invalid-media-id", follower.download("api/v1/media/med_0123456789abcdef").asReply().problem());
        assertEquals("invalid-media-id", follower.download("api/v1/media/not-a-media-id").asReply().problem());

        byte[] clip = mp4(50_000);
        MultipartBody video = MultipartBody.media("clip.mp4", clip);
        String videoId = follower.post("api/v1/media?type=video", video.bytes(), video.contentType()).json()
                .getString("mediaId");
        Api.Download played = follower.download("api/v1/media/" + videoId);
        assertEquals("video/mp4", baseType(played.contentType()), "people get a video's bytes, not a URL");
        assertArrayEquals(clip, played.body());
        MultipartBody voice = MultipartBody.media("hi.mp3", mp3());
        assertEquals(201, follower.post("api/v1/media?type=voice", voice.bytes(), voice.contentType()).status());

        MultipartBody thumb = MultipartBody.media("t.jpg", jpeg(1_000));
        assertProblem(400, "invalid-media-type", follower.post("api/v1/media?type=thumb", thumb.bytes(), thumb.contentType()));
        assertProblem(400, "invalid-media-type", follower.post("api/v1/media", thumb.bytes(), thumb.contentType()));
        MultipartBody words = MultipartBody.media("a.jpg", "only words".getBytes(StandardCharsets.UTF_8));
        assertProblem(415, "invalid-file-type", follower.post("api/v1/media?type=image", words.bytes(), words.contentType()));
        MultipartBody big = MultipartBody.media("a.jpg", jpeg(2 * 1024 * 1024 + 1));
        assertProblem(413, "invalid-media-size", follower.post("api/v1/media?type=image", big.bytes(), big.contentType()));
        assertProblem(400, "media-data-missing", follower.post("api/v1/media?type=image", "{}", "application/json"));
        assertProblem(401, "unauthenticated", new Api(base).post("api/v1/media?type=image", body.bytes(), body.contentType()));
    }

    /**
     * The type without parameters: Payara appends the application's default charset ({@code glassfish-web.xml}) to
     * every type, pictures included; clients ignore it there.
     */
    private static String baseType(String contentType) {
        return contentType.split(";")[0].trim();
    }

    private static void assertProblem(int status, String problem, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(problem, reply.problem(), reply.text());
    }

    // ---- inside the server: grants, the purge, nothing left by failures

    @Test
    void grantsOpenMediaToTheOtherSideOfAConversation() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        AccountId account = accounts.byAppId(app.appid()).accountId();
        String followerPhone = TestData.cnPhone();
        Api follower = TestData.person(new Api(base), followerPhone);
        long followerId = people.byPhone(followerPhone).orElseThrow().id();
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        String token = app.token();

        byte[] picture = jpeg(10_000);
        String sent = upload(follower, "api/v1/media?type=image", picture).getString("mediaId");
        String get = "cgi-bin/media/get?access_token=" + token + "&media_id=";
        assertEquals(40007, app.owner().get(get + sent).errcode(), "not the account's before it was sent");
        assertInvalid(() -> media.requireUsableByAccount(account, sent, MediaKind.IMAGE));

        // A message that was not written grants nothing: the grant is part of its transaction.
        transaction.begin();
        media.grantToAccount(sent, account);
        transaction.rollback();
        assertEquals(40007, app.owner().get(get + sent).errcode());

        transaction.begin();
        media.grantToAccount(sent, account);
        media.grantToAccount(sent, account);
        transaction.commit();
        Api.Download received = app.owner().download(get + sent);
        assertEquals(200, received.status());
        assertArrayEquals(picture, received.body());
        assertEquals(sent, media.requireUsableByAccount(account, sent, MediaKind.IMAGE).mediaId());
        assertInvalid(() -> media.requireUsableByAccount(account, sent, MediaKind.VOICE));
        assertEquals(sent, media.requireUsableByPerson(followerId, sent, MediaKind.IMAGE).mediaId(), "still the follower's");

        App otherApp = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        assertEquals(40007, otherApp.owner().get("cgi-bin/media/get?access_token=" + otherApp.token() + "&media_id="
                + sent).errcode(), "granted to one account only");

        byte[] reply = amr();
        String answered = upload(app.owner(), "cgi-bin/media/upload?type=voice&access_token=" + token, reply)
                .getString("media_id");
        assertEquals(404, follower.download("api/v1/media/" + answered).status(), "not the follower's before it was sent");
        assertInvalid(() -> media.requireUsableByPerson(followerId, answered, MediaKind.VOICE));
        transaction.begin();
        media.grantToPerson(answered, followerId);
        transaction.commit();
        Api.Download heard = follower.download("api/v1/media/" + answered);
        assertEquals(200, heard.status());
        assertEquals("audio/amr", baseType(heard.contentType()));
        assertArrayEquals(reply, heard.body());
        assertEquals(404, stranger.download("api/v1/media/" + answered).status());
        assertEquals(answered, media.requireUsableByAccount(account, answered, MediaKind.VOICE).mediaId());
        assertInvalid(() -> media.grantToPerson("med_0123456789abcdef", followerId));
    }

    @Test
    void mediaIsGoneThreeDaysAfterItsUploadAndThePurgeRemovesRowAndFile() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        String picture = upload(app.owner(), "cgi-bin/media/upload?type=image&access_token=" + token, png())
                .getString("media_id");
        String clip = upload(app.owner(), "cgi-bin/media/upload?type=video&access_token=" + token, mp4(20_000))
                .getString("media_id");
        String videoUrl = URI.create(app.owner().get(get(app) + clip).json().getString("video_url")).getPath()
                .substring(1);
        StoredMedia stored = row(picture);
        Path file = files.root().resolve(stored.storagePath());
        assertTrue(Files.isRegularFile(file), file.toString());
        assertEquals(stored.createdAt().plus(Duration.ofDays(3)), stored.expiresAt());
        // What a crash between file and row leaves behind: a file no row knows.
        Path orphan = file.resolveSibling("med_00000000000000ff");
        Files.write(orphan, new byte[] {1, 2, 3});

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        purge.purgeDue();
        assertEquals(200, app.owner().download(get(app) + picture).status(), "alive until its third day is over");
        assertEquals(200, app.owner().download(videoUrl).status());
        assertTrue(Files.exists(file));

        clock.advance(Duration.ofMinutes(2));
        assertEquals(40007, app.owner().get(get(app) + picture).errcode(), "gone on every path from its expiry on");
        assertEquals(40007, app.owner().get(videoUrl).errcode());
        purge.purgeDue();
        assertNull(em.find(StoredMedia.class, stored.id()), "row purged");
        assertFalse(Files.exists(file), "file purged");
        assertTrue(em.createQuery("SELECT m FROM StoredMedia m WHERE m.mediaId = :id", StoredMedia.class)
                .setParameter("id", clip).getResultList().isEmpty(), "the video's row purged too");
        assertEquals(40007, app.owner().get(get(app) + picture).errcode(), "and 40007 afterwards");

        assertTrue(Files.exists(orphan), "the day may hold media that still live");
        clock.advance(Duration.ofDays(1));
        purge.purgeDue();
        assertFalse(Files.exists(orphan.getParent()), "once all of its media expired, the day goes whole");
    }

    @Test
    void aFailedUploadLeavesNoFileAndNoRow() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        AccountId account = accounts.byAppId(app.appid()).accountId();
        String upload = "cgi-bin/media/upload?access_token=" + app.token() + "&type=";
        Set<Path> before = filesOnDisk();

        assertEquals(40005, post(app.owner(), upload + "image", "a.jpg", "words, not a picture".getBytes()).errcode());
        assertEquals(40005, post(app.owner(), upload + "image", "a.jpg", mp4(300_000)).errcode());
        assertEquals(40006, post(app.owner(), upload + "thumb", "a.jpg", jpeg(200_000)).errcode());
        assertEquals(41005, post(app.owner(), upload + "image", "a.jpg", new byte[0]).errcode());
        String answer = brokenOff(upload + "image", jpeg(500_000));
        assertFalse(answer.contains("media_id"), answer);

        assertEquals(before, filesOnDisk(), "no file, not even a partial one");
        assertEquals(0L, rowsOf(account));

        String uploaded = post(app.owner(), upload + "image", "a.jpg", jpeg(1_000)).json().getString("media_id");
        Set<Path> after = filesOnDisk();
        after.removeAll(before);
        assertEquals(Set.of(files.root().resolve(row(uploaded).storagePath())), after, "one upload, one file");
        assertEquals(1L, rowsOf(account));
    }

    /** {@code media/get} with a token fetched now: with the clock moved by days, yesterday's token has expired. */
    private static String get(App app) {
        return "cgi-bin/media/get?access_token=" + app.token() + "&media_id=";
    }

    /** Sends an upload that announces more than it sends and then ends: the client went away halfway through. */
    private String brokenOff(String path, byte[] content) throws IOException {
        MultipartBody body = MultipartBody.media("big.jpg", content);
        byte[] bytes = body.bytes();
        String head = "POST /" + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nX-Forwarded-For: "
                + TestData.clientAddress() + "\r\nContent-Type: " + body.contentType() + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(Arrays.copyOf(bytes, bytes.length / 2));
            out.flush();
            socket.shutdownOutput();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException reset) {
                return "";
            }
        }
    }

    private static Api.Reply post(Api api, String path, String fileName, byte[] content) {
        MultipartBody body = MultipartBody.media(fileName, content);
        return api.post(path, body.bytes(), body.contentType());
    }

    private static JsonObject upload(Api api, String path, byte[] content) {
        Api.Reply reply = post(api, path, "upload", content);
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.text());
        assertEquals(0, reply.errcode(), reply.text());
        return reply.json();
    }

    private StoredMedia row(String mediaId) {
        return em.createNamedQuery(StoredMedia.BY_MEDIA_ID, StoredMedia.class).setParameter("mediaId", mediaId)
                .getSingleResult();
    }

    private long rowsOf(AccountId account) {
        return em.createQuery("SELECT COUNT(m) FROM StoredMedia m WHERE m.ownerAccountId = :account", Long.class)
                .setParameter("account", account.value()).getSingleResult();
    }

    private Set<Path> filesOnDisk() throws IOException {
        if (!Files.isDirectory(files.root())) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> all = Files.walk(files.root())) {
            return all.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
        BusinessException e = assertThrows(BusinessException.class, call);
        assertEquals(MediaError.INVALID_MEDIA_ID, e.code());
        assertNotNull(e.getMessage());
    }
}
