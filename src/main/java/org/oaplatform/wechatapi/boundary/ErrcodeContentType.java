package org.oaplatform.wechatapi.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The content type of the errcode answers of a {@code /cgi-bin} method that normally answers something other than
 * JSON. SDKs tell an error from a download by this type alone, and not all look for the same one: WxJava's
 * {@code showqrcode} download takes only {@code text/plain} for an error and saves anything else as the picture.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ErrcodeContentType {

    /** A media type, e.g. {@code text/plain}; {@link ErrcodeMapper} adds {@code charset=UTF-8}. */
    String value();
}
