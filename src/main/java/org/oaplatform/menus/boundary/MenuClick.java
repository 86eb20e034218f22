package org.oaplatform.menus.boundary;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.oaplatform.menus.control.MenuError;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * What a follower's client reports when a menu button is used: the button by its {@code key} or {@code url}, and
 * what the button gathered (a scan, pictures, a location). A class with public fields rather than a record: Payara's
 * OpenAPI scanner fails on constrained records.
 */
public class MenuClick {

    static final int MAX_SCAN_TYPE = 32;
    static final int MAX_SCAN_RESULT = 2048;
    static final int MAX_PICTURES = 9;
    static final int MAX_LABEL = 256;
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    public String key;
    public String url;
    /** {@code scancode_*}: e.g. {@code qrcode}, {@code barcode}. */
    public String scanType;
    public String scanResult;
    /** {@code pic_*}: the MD5 sums of the pictures sent. */
    public List<String> pictures;
    /** {@code location_select}. */
    public Double latitude;
    public Double longitude;
    public Integer scale;
    public String label;
    public String poiname;

    /** The button of {@code buttons} this click names: the first, in menu order, with its key or url. */
    Button buttonIn(List<Button> buttons) {
        boolean byKey = present(key);
        if (byKey == present(url)) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "name the button by key or by url");
        }
        return Button.firstLeaf(buttons, b -> byKey
                ? b.type().target() == ButtonType.Target.KEY && key.equals(b.key())
                : url.equals(b.url()))
                .orElseThrow(() -> new BusinessException(MenuError.MENU_BUTTON_UNKNOWN));
    }

    /** The scan a {@code scancode_*} button reports; null for other buttons. */
    MenuButtonUsed.ScanCode scanCode(ButtonType type) {
        if (type != ButtonType.SCANCODE_PUSH && type != ButtonType.SCANCODE_WAITMSG) {
            return null;
        }
        return new MenuButtonUsed.ScanCode(text(scanType, "scanType", MAX_SCAN_TYPE),
                text(scanResult, "scanResult", MAX_SCAN_RESULT));
    }

    /** The pictures a {@code pic_*} button reports (MD5 sums, lower case); null for other buttons. */
    List<String> pictureMd5Sums(ButtonType type) {
        if (type != ButtonType.PIC_SYSPHOTO && type != ButtonType.PIC_PHOTO_OR_ALBUM && type != ButtonType.PIC_WEIXIN) {
            return null;
        }
        if (pictures == null || pictures.isEmpty() || pictures.size() > MAX_PICTURES
                || !pictures.stream().allMatch(p -> p != null && MD5.matcher(p).matches())) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "pictures: 1 to " + MAX_PICTURES + " MD5 sums (32 hex digits) of the pictures sent");
        }
        return pictures.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** The location a {@code location_select} button reports; null for other buttons. */
    MenuButtonUsed.PickedLocation location(ButtonType type) {
        if (type != ButtonType.LOCATION_SELECT) {
            return null;
        }
        if (latitude == null || longitude == null || scale == null || Math.abs(latitude) > 90
                || Math.abs(longitude) > 180 || scale < 1 || scale > 20) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "latitude (-90 to 90), longitude (-180 to 180) and scale (1 to 20) of the location picked");
        }
        return new MenuButtonUsed.PickedLocation(latitude, longitude, scale, optional(label, "label"),
                optional(poiname, "poiname"));
    }

    private static String text(String value, String field, int max) {
        if (!present(value) || value.length() > max) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, field + " is required, at most " + max
                    + " characters");
        }
        return value;
    }

    /** An optional text: absent or empty is none (clients send an empty {@code poiname} for a bare coordinate). */
    private static String optional(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_LABEL) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, field + " has at most " + MAX_LABEL
                    + " characters");
        }
        return value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
