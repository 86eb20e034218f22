package org.oaplatform.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.SchemaReadiness;

/**
 * Both APIs answer "system busy, retry" (503 with {@code Retry-After} on {@code /api/v1}, errcode -1 on
 * {@code /cgi-bin}) until the schema is migrated, before anything (authentication included) reads the database.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class ReadinessGate implements ContainerRequestFilter {

    @Inject
    SchemaReadiness readiness;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!readiness.isReady()) {
            throw new BusinessException(PlatformError.SERVICE_UNAVAILABLE, FailureTranslation.unavailable());
        }
    }
}
