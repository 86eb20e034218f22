package org.oaplatform.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.oaplatform.followers.boundary.FollowerSubscribed;
import org.oaplatform.followers.boundary.FollowerUnsubscribed;
import org.oaplatform.followers.boundary.QrCodeScanned;
import org.oaplatform.webhooks.control.PushXml;

/**
 * The followers component's events as pushes (spec §2.3): {@code subscribe} (with {@code qrscene_} and the ticket
 * when a QR code started the follow), {@code unsubscribe}, {@code SCAN}. Observed inside the transaction that fired
 * them, not after it: the push row must commit with the follow or not at all; delivery starts after the commit.
 */
@ApplicationScoped
public class FollowerEventPushes {

    @Inject
    Pushes pushes;

    void subscribed(@Observes FollowerSubscribed e) {
        boolean byQrCode = e.qrTicket() != null;
        String scene = scene(e.qrScene(), e.qrSceneStr());
        pushes.record(FollowerAction.event(e.accountId(), e.openid(), "subscribe", e.at(), header -> byQrCode
                ? PushXml.subscribeByQrCode(header, scene, e.qrTicket()) : PushXml.subscribe(header)));
    }

    void unsubscribed(@Observes FollowerUnsubscribed e) {
        pushes.record(FollowerAction.event(e.accountId(), e.openid(), "unsubscribe", e.at(), PushXml::unsubscribe));
    }

    void scanned(@Observes QrCodeScanned e) {
        String scene = scene(e.sceneId(), e.sceneStr());
        pushes.record(FollowerAction.event(e.accountId(), e.openid(), "SCAN", e.at(),
                header -> PushXml.scan(header, scene, e.ticket())));
    }

    /** A code has a number or a string as its scene, never both; WeChat puts either into EventKey. */
    private static String scene(Long sceneId, String sceneStr) {
        return sceneStr != null ? sceneStr : sceneId == null ? "" : Long.toString(sceneId);
    }
}
