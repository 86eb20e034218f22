package org.oaplatform.portal.accounts;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.oaplatform.webhooks.boundary.DeveloperServers;
import org.oaplatform.webhooks.control.PushMode;
import org.oaplatform.webhooks.control.SafeModeCipher;
import org.oaplatform.webhooks.control.WebhookError;

/**
 * {@code portal/accounts/developer.xhtml?appid=...}: the developer settings of an account. The appid; resetting the
 * AppSecret (the new one shown once, in this view only); the developer server, saved only after the URL answered
 * WeChat's handshake ({@code DeveloperServers.configure}, the same call as {@code PUT …/server}); the IP whitelist of
 * the developer API ({@code OfficialAccounts.replaceIpWhitelist}, as {@code PUT …/ip-whitelist}). The boundaries decide
 * who may do what: the owner resets the secret, owners and admins read and change the server and the whitelist,
 * operators see the appid and the whitelist.
 */
@Named
@ViewScoped
public class DeveloperBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The saved server as its owners read it: token and key masked by the boundary. */
    public record SavedServer(String url, String token, String encodingAesKey, PushMode mode, boolean enabled,
            OffsetDateTime verifiedAt) implements Serializable {

        static SavedServer of(DeveloperServers.View view) {
            return new SavedServer(view.url(), view.token(), view.encodingAesKey(), view.mode(), view.enabled(),
                    view.verifiedAt() == null ? null : view.verifiedAt().atOffset(ZoneOffset.UTC));
        }
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    DeveloperServers servers;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private boolean mayManage;
    private boolean owner;
    private String newSecret;
    private SavedServer saved;
    private String url;
    private String token;
    private String encodingAesKey;
    private PushMode mode = PushMode.PLAIN;
    private boolean enabled = true;
    private String whitelist = "";

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        Membership membership = accounts.requireMember(user.id(), appid);
        accountName = membership.account().name();
        mayManage = membership.role().mayManage();
        owner = membership.role() == MemberRole.OWNER;
        whitelist = String.join("\n", membership.account().ipWhitelist().stream().sorted().toList());
        if (mayManage) {
            showServer();
        }
    }

    public void resetSecret() {
        newSecret = accounts.resetSecret(user.id(), appid);
        PortalMessages.info("developer.secret.reset");
    }

    public void generateKey() {
        encodingAesKey = SafeModeCipher.newEncodingAesKey();
    }

    /** Refusals (unreachable, no echo, a private address, a bad token or key) come back as messages, nothing saved. */
    public void saveServer() {
        saved = SavedServer.of(servers.configure(user.id(), appid,
                DeveloperServers.Configuration.entered(url, token, encodingAesKey, mode, enabled)));
        token = null;
        encodingAesKey = null;
        PortalMessages.info("developer.server.saved");
    }

    /**
     * One address a line; blank lines are the textarea's, not entries. The boundary's refusal is shown at the field,
     * and the whitelist stays as it was.
     */
    public void saveWhitelist() {
        List<String> addresses = Arrays.stream(whitelist.split("\\R")).filter(line -> !line.isBlank()).toList();
        try {
            whitelist = String.join("\n", accounts.replaceIpWhitelist(user.id(), appid, addresses).ipWhitelist()
                    .stream().sorted().toList());
            PortalMessages.info("developer.whitelist.saved", addresses.size());
        } catch (BusinessException refused) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.addMessage("whitelist:addresses", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    PortalMessages.text("developer.whitelist.refused"), refused.getMessage()));
            context.validationFailed();
        }
    }

    private void showServer() {
        try {
            SavedServer shown = SavedServer.of(servers.read(user.id(), appid));
            saved = shown;
            url = shown.url();
            mode = shown.mode();
            enabled = shown.enabled();
        } catch (BusinessException e) {
            if (e.code() != WebhookError.DEVELOPER_SERVER_NOT_CONFIGURED) {
                throw e;
            }
            saved = null; // an account starts without developer mode: an empty form, not an error
        }
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public boolean isMayManage() {
        return mayManage;
    }

    public boolean isOwner() {
        return owner;
    }

    public String getNewSecret() {
        return newSecret;
    }

    public SavedServer getSaved() {
        return saved;
    }

    public List<PushMode> getModes() {
        return List.of(PushMode.values());
    }

    public int getMaxWhitelist() {
        return OfficialAccounts.MAX_WHITELIST_ENTRIES;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEncodingAesKey() {
        return encodingAesKey;
    }

    public void setEncodingAesKey(String encodingAesKey) {
        this.encodingAesKey = encodingAesKey;
    }

    public PushMode getMode() {
        return mode;
    }

    public void setMode(PushMode mode) {
        this.mode = mode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getWhitelist() {
        return whitelist;
    }

    public void setWhitelist(String whitelist) {
        this.whitelist = whitelist == null ? "" : whitelist;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
