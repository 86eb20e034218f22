package org.oaplatform.portal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.SchemaReadiness;

/**
 * Until the schema is migrated the portal answers 503 with the error page ("temporarily unavailable", {@code web.xml})
 * instead of pages whose beans would fail on a database that is away.
 */
@WebFilter(urlPatterns = "/portal/*")
public class PortalReadinessFilter extends HttpFilter {

    @Inject
    SchemaReadiness readiness;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (readiness.isReady()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Integer.toString(FailureTranslation.RETRY_AFTER_SECONDS));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
