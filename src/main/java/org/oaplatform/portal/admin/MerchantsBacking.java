package org.oaplatform.portal.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oaplatform.merchants.boundary.MerchantAdministration;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/** {@code portal/admin/merchants.xhtml}: every merchant with its balance; suspend with a reason, or resume. */
@Named
@ViewScoped
public class MerchantsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MerchantAdministration administration;

    @Inject
    PortalUser user;

    private List<MerchantAdministration.MerchantRow> rows = List.of();
    /** The reasons typed into the rows, by mch_id. */
    private final Map<String, String> reasons = new HashMap<>();

    public void load() {
        rows = administration.list(user.id(), 200);
    }

    public void suspend(MerchantAdministration.MerchantRow row) {
        administration.suspend(user.id(), row.mchId(), reasons.get(row.mchId()));
        PortalMessages.info("merchants.suspendedNow", row.mchId());
        reasons.remove(row.mchId());
        load();
    }

    public void resume(MerchantAdministration.MerchantRow row) {
        administration.resume(user.id(), row.mchId());
        PortalMessages.info("merchants.resumedNow", row.mchId());
        load();
    }

    public List<MerchantAdministration.MerchantRow> getRows() {
        return rows;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }
}
