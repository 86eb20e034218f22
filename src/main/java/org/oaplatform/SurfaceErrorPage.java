package org.oaplatform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.oaplatform.merchants.boundary.PayErrorMapper;
import org.oaplatform.platform.boundary.ProblemMapper;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.portal.PortalExceptionHandler;
import org.oaplatform.wechatapi.boundary.ErrcodeMapper;

/**
 * The web container's own error answers ({@code web.xml} error pages: a malformed URI, a path that left the API,
 * a refused method) in the shape of the surface the request was for, chosen by its path as the client sent it:
 * errcode JSON under the WeChat paths, WeChat Pay XML under {@code /pay} and {@code /secapi}, problem+json under
 * {@code /api/v1}, the portal's error page anywhere else.
 * The surfaces' mappers build the bodies; this only hands them the failure and copies their answer out.
 */
@WebServlet(SurfaceErrorPage.PATH)
public class SurfaceErrorPage extends HttpServlet {

    static final String PATH = "/error-answer";

    @Inject
    RequestContext context;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // Asked for directly: there is nothing here, which the container then answers through this page.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = clientPath(request);
        boolean weChat = under(path, "/cgi-bin") || under(path, "/sns") || under(path, "/connect");
        boolean pay = under(path, "/pay") || under(path, "/secapi");
        if (!weChat && !pay && !under(path, "/api/v1")) {
            request.getRequestDispatcher(PortalExceptionHandler.ERROR_PAGE).forward(request, response);
            return;
        }
        Throwable failure = failure(request, path);
        Response answer = weChat ? ErrcodeMapper.errcode(failure, context, null)
                : pay ? PayErrorMapper.answer(failure, context, null) : ProblemMapper.problem(failure, context);
        response.setStatus(answer.getStatus());
        response.setContentType(answer.getMediaType().toString());
        response.getWriter().write((String) answer.getEntity());
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The request's path as the client wrote it, before the container resolved {@code ..} segments. */
    private static String clientPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : "";
        String contextPath = request.getContextPath();
        return !contextPath.isEmpty() && path.startsWith(contextPath) ? path.substring(contextPath.length()) : path;
    }

    private static Throwable failure(HttpServletRequest request, String path) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            return thrown;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ErrorCode code = switch (status) {
            case 401 -> PlatformError.UNAUTHENTICATED;
            case 403 -> PlatformError.FORBIDDEN;
            case 404 -> PlatformError.NOT_FOUND;
            case 405 -> PlatformError.METHOD_NOT_ALLOWED;
            case 413, 414, 431 -> PlatformError.REQUEST_TOO_LARGE;
            case 415 -> PlatformError.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? PlatformError.MALFORMED_REQUEST : null;
        };
        if (code == null) {
            // Unexpected: FailureTranslation logs it once with the correlation id the client gets.
            return new IllegalStateException("the container answered " + status + " for " + path);
        }
        return new BusinessException(code, code == PlatformError.NOT_FOUND ? "no such resource"
                : code == PlatformError.MALFORMED_REQUEST ? "the request is not acceptable" : code.defaultMessage());
    }
}
