/**
 * Cross-cutting pieces every component uses: the error model ({@code BusinessException} and its codes), the
 * clock, identifier generation, configuration, the database migrations and the audit log.
 * <p>
 * Rules: nothing here knows a business component; errors are translated to a wire format only by the one
 * exception mapper of each API surface; time is read only from the injected {@link java.time.Clock}.
 */
package org.oaplatform.platform;

import org.oaplatform.platform.control.BusinessException;
