package org.oaplatform.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.oaplatform.platform.control.ClientAddress;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.platform.control.Settings;

/**
 * Gives every request a correlation id (echoed as {@code X-Request-Id}, quoted in error answers and logs) and
 * records the caller's address (see {@link ClientAddress}) for the audit log, rate limits and IP whitelists.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestContextFilter extends HttpFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @Inject
    RequestContext context;

    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String correlationId = UUID.randomUUID().toString();
        context.begin(correlationId, ClientAddress.resolve(request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For"), settings.trustedProxies()));
        response.setHeader(REQUEST_ID_HEADER, correlationId);
        chain.doFilter(request, response);
    }
}
