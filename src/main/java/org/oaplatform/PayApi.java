package org.oaplatform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.oaplatform.merchants.boundary.PayErrorMapper;
import org.oaplatform.merchants.boundary.PayResource;
import org.oaplatform.platform.boundary.ReadinessGate;
import org.oaplatform.platform.boundary.RequestCharset;
import org.oaplatform.platform.boundary.RequestSizeLimit;

/**
 * The WeChat Pay v2-compatible merchant API ({@code /pay}): XML over POST, signed with the merchant's API key, and
 * errors as WeChat Pay XML from its own mapper. Its classes are listed, not scanned, so that its error format never
 * mixes with the other surfaces'.
 */
@ApplicationPath("pay")
public class PayApi extends Application {

    /** No WADL: OPTIONS answers the allowed methods, not a document naming the Jersey version. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ReadinessGate.class, RequestSizeLimit.class, RequestCharset.class, PayErrorMapper.class,
                PayResource.class);
    }
}
