package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/tags.xhtml?appid=...}: an account's follower tags with their follower counts; create, rename,
 * delete. The system tag (the starred group) is shown but cannot be changed. WeChat's limits are the boundary's; its
 * refusals come back as messages.
 */
@Named
@ViewScoped
public class TagsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Row(int id, String name, boolean system, long followers) implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Tags tags;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private String name;
    private List<Row> rows = List.of();
    /** The names typed into the rows, by tag id. */
    private final Map<Integer, String> names = new HashMap<>();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        accountName = accounts.requireMember(user.id(), appid).account().name();
        show();
    }

    public void create() {
        String created = tags.create(user.id(), appid, name).name();
        name = null;
        PortalMessages.info("tags.created", created);
        show();
    }

    public void rename(Row row) {
        tags.rename(user.id(), appid, row.id(), names.get(row.id()));
        PortalMessages.info("tags.renamed", row.name(), names.get(row.id()).strip());
        show();
    }

    public void delete(Row row) {
        tags.delete(user.id(), appid, row.id());
        PortalMessages.info("tags.deleted", row.name());
        show();
    }

    private void show() {
        rows = tags.list(user.id(), appid).stream()
                .map(t -> new Row(t.tag().tagId(), t.tag().name(), t.tag().isSystem(), t.count())).toList();
        names.clear();
        rows.forEach(r -> names.put(r.id(), r.name()));
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public List<Row> getRows() {
        return rows;
    }

    public int getMaxTags() {
        return Tags.MAX_CUSTOM_TAGS;
    }

    public int getMaxNameLength() {
        return Tags.MAX_NAME_LENGTH;
    }

    public int getMaxTagsPerFollower() {
        return Tags.MAX_TAGS_PER_FOLLOWER;
    }

    public int getMaxFollowersToDelete() {
        return Tags.MAX_FANS_TO_DELETE;
    }

    public Map<Integer, String> getNames() {
        return names;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
