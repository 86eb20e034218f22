package org.oaplatform.platform.control;

/**
 * An error a client can see, with the faces it shows on each surface: the WeChat {@code errcode} and default
 * {@code errmsg} on {@code /cgi-bin}, the problem type and HTTP status on {@code /api/v1}, and (by its {@link #name()})
 * the key of its Faces message in the portal. Each component owns its codes in an enum implementing this interface
 * ({@link PlatformError} for the ones every surface needs), so the platform knows no business component. The code is
 * the only classification of an error: everything is thrown as a {@link BusinessException} carrying one.
 */
public interface ErrorCode {

    /** The constant's name, the key of its localized portal message ({@code error.<name>}). */
    String name();

    Wire wire();

    default int errcode() {
        return wire().errcode();
    }

    /** Stable problem type URI of the client API (RFC 9457); clients may switch on it. */
    default String problemType() {
        return "urn:oaplatform:problem:" + wire().problemSlug();
    }

    default int httpStatus() {
        return wire().httpStatus();
    }

    default String defaultMessage() {
        return wire().defaultMessage();
    }

    /** What one error looks like on the wire of both API surfaces. */
    record Wire(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
    }
}
