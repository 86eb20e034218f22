package org.oaplatform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.oaplatform.merchants.boundary.PayErrorMapper;
import org.oaplatform.merchants.boundary.SecPayResource;
import org.oaplatform.platform.boundary.ReadinessGate;
import org.oaplatform.platform.boundary.RequestCharset;
import org.oaplatform.platform.boundary.RequestSizeLimit;

/**
 * The merchant API's certificate-guarded half ({@code /secapi/pay/…}: refund, reverse), a surface of its own only
 * because WeChat puts it under another path: the same filters and error mapper as {@link PayApi}, listed, not scanned.
 */
@ApplicationPath("secapi")
public class SecPayApi extends Application {

    /** No WADL: OPTIONS answers the allowed methods, not a document naming the Jersey version. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ReadinessGate.class, RequestSizeLimit.class, RequestCharset.class, PayErrorMapper.class,
                SecPayResource.class);
    }
}
