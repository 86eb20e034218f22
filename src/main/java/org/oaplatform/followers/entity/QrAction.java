package org.oaplatform.followers.entity;

/**
 * The four kinds of parametric QR code, named as {@code qrcode/create}'s {@code action_name} (spec §8.1): temporary or
 * permanent, with an integer ({@code scene_id}) or a string ({@code scene_str}) scene.
 */
public enum QrAction {
    QR_SCENE(false, false),
    QR_STR_SCENE(false, true),
    QR_LIMIT_SCENE(true, false),
    QR_LIMIT_STR_SCENE(true, true);

    private final boolean permanent;
    private final boolean stringScene;

    QrAction(boolean permanent, boolean stringScene) {
        this.permanent = permanent;
        this.stringScene = stringScene;
    }

    public boolean permanent() {
        return permanent;
    }

    /** Whether the scene is {@code scene_str} rather than {@code scene_id}. */
    public boolean stringScene() {
        return stringScene;
    }
}
