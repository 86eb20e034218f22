package org.oaplatform.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
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
 * records the caller's address (see {@link ClientAddress}) for the audit log, rate limits and IP whitelists. Error
 * pages pass through too, so that an answer of the container's own carries an id as well.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestContextFilter extends HttpFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @Inject
    RequestContext context;

    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // An error page keeps the id its request began with; one the container refused before the application saw
        // it begins at its error page.
        if (context.correlationId() == null) {
            context.begin(UUID.randomUUID().toString(), ClientAddress.resolve(request.getRemoteAddr(),
                    request.getHeader("X-Forwarded-For"), settings.trustedProxies()));
        }
        if (!response.containsHeader(REQUEST_ID_HEADER)) {
            response.setHeader(REQUEST_ID_HEADER, context.correlationId());
        }
        chain.doFilter(request, response);
    }
}
