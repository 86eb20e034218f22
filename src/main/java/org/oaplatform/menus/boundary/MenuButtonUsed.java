package org.oaplatform.menus.boundary;

import java.time.Instant;
import java.util.List;
import org.oaplatform.menus.entity.ButtonType;

/**
 * A follower used a button of the menu they see: the seam for the webhook push ({@code CLICK}, {@code VIEW},
 * {@code view_miniprogram}, {@code scancode_*}, {@code pic_*}, {@code location_select}, spec §2.3) and for the
 * service window a click opens (spec §4.2). Fired inside the transaction of the click: observe it
 * {@code during = TransactionPhase.AFTER_SUCCESS} to act outside the database, or plainly to write in the same
 * transaction. Never fired for a blacklisted follower: like their messages, their clicks never reach the account.
 *
 * @param conditionalMenuId the conditional menu the button was on (WeChat's {@code MenuId}); null for the default
 * @param key the button's key ({@code click}, {@code scancode_*}, {@code pic_*}, {@code location_select})
 * @param url the button's url ({@code view}; {@code miniprogram}'s fallback url)
 * @param pagePath the mini program page ({@code miniprogram}, pushed as {@code view_miniprogram})
 * @param scanCode what the scanner read ({@code scancode_*} only)
 * @param pictureMd5Sums the pictures sent, 1 to 9 ({@code pic_*} only)
 * @param location the location picked ({@code location_select} only)
 */
public record MenuButtonUsed(long accountId, String appId, long personId, String openid, Long conditionalMenuId,
        ButtonType buttonType, String key, String url, String pagePath, ScanCode scanCode, List<String> pictureMd5Sums,
        PickedLocation location, Instant at) {

    public MenuButtonUsed {
        pictureMd5Sums = pictureMd5Sums == null ? null : List.copyOf(pictureMd5Sums);
    }

    /** {@code ScanCodeInfo}: {@code ScanType} (e.g. {@code qrcode}, {@code barcode}) and {@code ScanResult}. */
    public record ScanCode(String scanType, String scanResult) {
    }

    /** {@code SendLocationInfo}: {@code Location_X}, {@code Location_Y}, {@code Scale}, {@code Label}, {@code Poiname}. */
    public record PickedLocation(double latitude, double longitude, int scale, String label, String poiName) {
    }
}
