package org.oaplatform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.oaplatform.broadcasts.boundary.MassMessagesResource;
import org.oaplatform.conversations.boundary.CustomMessagesResource;
import org.oaplatform.followers.boundary.QrCodeImagesResource;
import org.oaplatform.followers.boundary.QrCodesResource;
import org.oaplatform.followers.boundary.TagsResource;
import org.oaplatform.followers.boundary.UsersResource;
import org.oaplatform.menus.boundary.MenusResource;
import org.oaplatform.menus.boundary.SelfMenuResource;
import org.oaplatform.media.boundary.MediaResource;
import org.oaplatform.platform.boundary.ReadinessGate;
import org.oaplatform.platform.boundary.RequestCharset;
import org.oaplatform.platform.boundary.RequestSizeLimit;
import org.oaplatform.templates.boundary.TemplateMessagesResource;
import org.oaplatform.templates.boundary.TemplatesResource;
import org.oaplatform.wechatapi.boundary.AccessTokenCheck;
import org.oaplatform.wechatapi.boundary.ErrcodeMapper;
import org.oaplatform.wechatapi.boundary.TokenResource;

/**
 * The WeChat-compatible developer API ({@code /cgi-bin}): access tokens, WeChat's paths, fields and errcodes.
 * Its classes are listed, not scanned, so that resources and error formats of the two API surfaces never mix.
 */
@ApplicationPath("cgi-bin")
public class WeChatApi extends Application {

    /** No WADL: OPTIONS answers the allowed methods, not a document naming the Jersey version. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ReadinessGate.class, RequestSizeLimit.class, RequestCharset.class, AccessTokenCheck.class,
                ErrcodeMapper.class, ErrcodeMapper.ValidationFailures.class,
                TokenResource.class,
                UsersResource.class, TagsResource.class,
                QrCodesResource.class, QrCodeImagesResource.class,
                TemplatesResource.class, TemplateMessagesResource.class,
                MenusResource.class, SelfMenuResource.class,
                MediaResource.class,
                CustomMessagesResource.class,
                MassMessagesResource.class);
    }
}
