package org.oaplatform.wechatapi.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.control.WeChatApiError;

/** The official account on whose behalf the current {@code /cgi-bin} request came, once its token was checked. */
@RequestScoped
public class CallingAccount {

    private Long accountId;
    private String appId;

    void admitted(long accountId, String appId) {
        this.accountId = accountId;
        this.appId = appId;
    }

    public long id() {
        if (accountId == null) {
            throw new BusinessException(WeChatApiError.ACCESS_TOKEN_MISSING);
        }
        return accountId;
    }

    /** The account as a tenant boundary takes it. */
    public AccountId account() {
        return new AccountId(id());
    }

    public String appId() {
        id();
        return appId;
    }
}
