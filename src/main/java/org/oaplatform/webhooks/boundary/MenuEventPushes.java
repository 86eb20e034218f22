package org.oaplatform.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Function;
import org.oaplatform.menus.boundary.MenuButtonUsed;
import org.oaplatform.webhooks.control.PushHeader;
import org.oaplatform.webhooks.control.PushXml;

/**
 * A follower's menu button use as its push (spec §2.3): {@code CLICK}, {@code VIEW}, {@code view_miniprogram},
 * {@code scancode_*}, {@code pic_*}, {@code location_select}. Observed inside the click's transaction, like
 * {@link FollowerEventPushes}: the push row commits with the click or not at all.
 */
@ApplicationScoped
public class MenuEventPushes {

    @Inject
    Pushes pushes;

    void used(@Observes MenuButtonUsed e) {
        String event = switch (e.buttonType()) {
            case MINIPROGRAM -> "view_miniprogram";
            case CLICK, VIEW -> e.buttonType().wireName().toUpperCase(Locale.ROOT);
            default -> e.buttonType().wireName();
        };
        Function<PushHeader, String> xml = xml(e);
        if (xml != null) {
            pushes.record(FollowerAction.event(e.accountId(), e.openid(), event, e.at(), xml));
        }
    }

    private static Function<PushHeader, String> xml(MenuButtonUsed e) {
        return switch (e.buttonType()) {
            case CLICK -> h -> PushXml.click(h, e.key());
            case VIEW -> h -> PushXml.view(h, e.url(), e.conditionalMenuId());
            case MINIPROGRAM -> h -> PushXml.viewMiniProgram(h, e.pagePath(), e.conditionalMenuId());
            case SCANCODE_PUSH -> h -> PushXml.scanCodePush(h, e.key(), e.scanCode().scanType(),
                    e.scanCode().scanResult());
            case SCANCODE_WAITMSG -> h -> PushXml.scanCodeWaitMessage(h, e.key(), e.scanCode().scanType(),
                    e.scanCode().scanResult());
            case PIC_SYSPHOTO -> h -> PushXml.pictureFromCamera(h, e.key(), e.pictureMd5Sums());
            case PIC_PHOTO_OR_ALBUM -> h -> PushXml.pictureFromCameraOrAlbum(h, e.key(), e.pictureMd5Sums());
            case PIC_WEIXIN -> h -> PushXml.pictureFromWeixinAlbum(h, e.key(), e.pictureMd5Sums());
            case LOCATION_SELECT -> h -> PushXml.locationSelect(h, e.key(), Double.toString(e.location().latitude()),
                    Double.toString(e.location().longitude()), Integer.toString(e.location().scale()),
                    e.location().label() == null ? "" : e.location().label(), e.location().poiName());
            // media, article and view_limited buttons open content in the client: WeChat pushes nothing for them
            default -> null;
        };
    }
}
