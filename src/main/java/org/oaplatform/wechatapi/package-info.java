/**
 * What every {@code /cgi-bin} endpoint needs, whichever component it belongs to: access tokens (normal and stable),
 * the IP whitelist, per-API daily quotas, the capability check and WeChat's {@code {"errcode","errmsg"}} answers.
 * <p>
 * Rules: an endpoint declares itself with {@link org.oaplatform.wechatapi.boundary.CgiEndpoint} (path, daily quota,
 * capability) and gets the calling account from {@link org.oaplatform.wechatapi.boundary.CallingAccount}; answers
 * are compact JSON with non-ASCII kept literal and always HTTP 200, as SDKs expect.
 */
package org.oaplatform.wechatapi;
