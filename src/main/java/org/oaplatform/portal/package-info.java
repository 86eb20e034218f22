/**
 * The admin portal at {@code /portal}: Jakarta Faces pages (under {@code src/main/webapp/portal/}) for people who
 * run official accounts and for platform administrators. Backing beans mirror the pages' paths
 * ({@code portal/accounts/new.xhtml} is {@code portal.accounts.NewAccountBacking}).
 * <p>
 * Rules: the portal is a client of the other components' boundaries, exactly like the client API; it holds no
 * business logic and no transactions of its own. Login is Jakarta Security (a custom form mechanism and an
 * identity store that asks the accounts component); the caller principal is the person's id. A
 * {@code BusinessException} becomes a Faces message, anything else the error page with a correlation id. Every
 * visible text comes from {@code messages*.properties}.
 */
package org.oaplatform.portal;

import org.oaplatform.platform.control.BusinessException;
