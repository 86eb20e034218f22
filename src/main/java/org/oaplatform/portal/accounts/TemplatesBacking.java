package org.oaplatform.portal.accounts;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.oaplatform.templates.boundary.Templates;
import org.oaplatform.templates.control.Industry;
import org.oaplatform.templates.control.TemplateLibrary;

/**
 * {@code portal/accounts/templates.xhtml?appid=...}: template messages of a verified service account. Its two
 * industries (changed at most once in 30 days: the boundary says when), the library filtered by industry with the
 * keywords to keep, and the account's templates (at most 25) with delete. Accounts without template messages see why
 * instead. The rules are the boundary's, as {@code /cgi-bin/template/*} applies them.
 */
@Named
@ViewScoped
public class TemplatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An industry as the selects show it: WeChat's class names, which are its names in every language. */
    public record IndustryRow(int id, String name) implements Serializable {

        static IndustryRow of(Industry industry) {
            return new IndustryRow(industry.id(), industry.firstClass() + " / " + industry.secondClass());
        }
    }

    public record LibraryRow(String id, String title, String industry, String content, List<String> keywords)
            implements Serializable {
    }

    public record TemplateRow(String templateId, String title, String industry, String content, String example)
            implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Templates templates;

    @Inject
    TemplateLibrary library;

    @Inject
    PortalUser user;

    @Inject
    Instance<Clock> clock;

    private String appid;
    private String accountName;
    private boolean mayManage;
    private boolean available;
    private Integer primary;
    private Integer secondary;
    private boolean industriesSet;
    /** Which library templates to show: those of one industry; {@code null} for the account's two industries. */
    private Integer filter;
    /**
     * The keywords ticked in the library, by library id; none ticked adds the whole template. A map's values have no
     * type Faces can see, so a checkbox list stores an array or a collection: {@link #ticked} reads either.
     */
    private final Map<String, Object> keywords = new HashMap<>();
    private List<LibraryRow> libraryRows = List.of();
    private List<TemplateRow> rows = List.of();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        Membership membership = accounts.requireMember(user.id(), appid);
        accountName = membership.account().name();
        mayManage = membership.role().mayManage();
        available = membership.account().admission().allows(Capability.TEMPLATE_MESSAGES, clock.get().instant());
        if (available) {
            showIndustries();
            show();
        }
    }

    public void saveIndustries() {
        templates.setIndustries(user.id(), appid, String.valueOf(primary), String.valueOf(secondary));
        PortalMessages.info("templates.industries.saved");
        showIndustries();
        showLibrary();
    }

    public void applyFilter() {
        showLibrary();
    }

    public void add(LibraryRow row) {
        String templateId = templates.add(user.id(), appid, row.id(), ticked(keywords.get(row.id())));
        keywords.remove(row.id());
        PortalMessages.info("templates.added", row.title(), templateId);
        show();
    }

    public void delete(TemplateRow row) {
        templates.delete(user.id(), appid, row.templateId());
        PortalMessages.info("templates.deleted", row.title());
        show();
    }

    private static List<String> ticked(Object values) {
        if (values instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        if (values instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private void showIndustries() {
        templates.industries(user.id(), appid).ifPresentOrElse(chosen -> {
            primary = chosen.primary().id();
            secondary = chosen.secondary().id();
            industriesSet = true;
        }, () -> industriesSet = false);
    }

    private void show() {
        rows = templates.list(user.id(), appid).stream().map(t -> new TemplateRow(t.templateId(), t.title(),
                Industry.byId(t.industry()).map(i -> IndustryRow.of(i).name()).orElse(""), t.content(),
                t.example())).toList();
        showLibrary();
    }

    private void showLibrary() {
        List<LibraryRow> shown = new ArrayList<>();
        library.all().stream().filter(t -> filter == null
                ? industriesSet && (t.industry().id() == primary || t.industry().id() == secondary)
                : t.industry().id() == filter)
                .forEach(t -> shown.add(new LibraryRow(t.id(), t.title(), IndustryRow.of(t.industry()).name(),
                        t.content().text(), t.content().keywordNames())));
        libraryRows = shown;
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

    public boolean isAvailable() {
        return available;
    }

    public boolean isIndustriesSet() {
        return industriesSet;
    }

    public List<IndustryRow> getIndustries() {
        return Arrays.stream(Industry.values()).map(IndustryRow::of).toList();
    }

    public List<LibraryRow> getLibraryRows() {
        return libraryRows;
    }

    public List<TemplateRow> getRows() {
        return rows;
    }

    public int getMaxTemplates() {
        return Templates.MAX_TEMPLATES;
    }

    public long getIntervalDays() {
        return Templates.INDUSTRY_CHANGE_INTERVAL.toDays();
    }

    public Map<String, Object> getKeywords() {
        return keywords;
    }

    public Integer getPrimary() {
        return primary;
    }

    public void setPrimary(Integer primary) {
        this.primary = primary;
    }

    public Integer getSecondary() {
        return secondary;
    }

    public void setSecondary(Integer secondary) {
        this.secondary = secondary;
    }

    public Integer getFilter() {
        return filter;
    }

    public void setFilter(Integer filter) {
        this.filter = filter;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
