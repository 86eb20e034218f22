package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oaplatform.followers.boundary.FollowerBrowsing;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/followers.xhtml?appid=...}: an account's followers for any of its members, a page at a time
 * (keyset: the page remembers the follower ids it started after, never an offset), searched by openid or remark
 * prefix; per follower: remark, tags, blacklist. The rules (WeChat's limits) are the boundaries'.
 */
@Named
@ViewScoped
public class FollowersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;

    public record TagOption(int id, String name) implements Serializable {
    }

    /** One follower as the table shows it; {@code addable} are the account's tags not on the follower yet. */
    public record Row(String openid, OffsetDateTime followedSince, String subscribeScene, String qrScene,
            String remark, boolean blacklisted, List<TagOption> tags, List<TagOption> addable)
            implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    FollowerBrowsing browsing;

    @Inject
    Tags tags;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private String query;
    private String appliedQuery;
    /** By the follower id a page starts after. */
    private final KeysetPages<Long> pages = new KeysetPages<>();
    private long total;
    private List<Row> rows = List.of();
    private List<TagOption> tagOptions = List.of();
    /** What is typed into each row, by openid. */
    private final Map<String, String> remarks = new HashMap<>();
    private final Map<String, Integer> chosenTags = new HashMap<>();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        accountName = accounts.requireMember(user.id(), appid).account().name();
        show();
    }

    public void search() {
        appliedQuery = query;
        pages.restart();
        show();
    }

    public void nextPage() {
        if (pages.forward()) {
            show();
        }
    }

    public void previousPage() {
        if (pages.back()) {
            show();
        }
    }

    public void saveRemark(Row row) {
        followers.remark(user.id(), appid, row.openid(), remarks.get(row.openid()));
        PortalMessages.info("followers.remark.saved", row.openid());
        show();
    }

    public void addTag(Row row) {
        Integer tagId = chosenTags.get(row.openid());
        if (tagId == null) {
            PortalMessages.error("followers.tag.none");
            return;
        }
        tags.tag(user.id(), appid, tagId, List.of(row.openid()));
        PortalMessages.info("followers.tag.added", nameOf(tagId), row.openid());
        show();
    }

    public void removeTag(Row row, TagOption tag) {
        tags.untag(user.id(), appid, tag.id(), List.of(row.openid()));
        PortalMessages.info("followers.tag.removed", tag.name(), row.openid());
        show();
    }

    public void toggleBlacklist(Row row) {
        if (row.blacklisted()) {
            tags.unblacklist(user.id(), appid, List.of(row.openid()));
            PortalMessages.info("followers.unblacklisted", row.openid());
        } else {
            tags.blacklist(user.id(), appid, List.of(row.openid()));
            PortalMessages.info("followers.blacklisted.done", row.openid());
        }
        show();
    }

    /** (Re)reads the current page and the account's tags; what was typed into the rows is replaced. */
    private void show() {
        tagOptions = tags.definitions(user.id(), appid).stream().map(t -> new TagOption(t.tagId(), t.name()))
                .toList();
        Map<Integer, TagOption> byId = tagOptions.stream()
                .collect(Collectors.toMap(TagOption::id, Function.identity()));
        FollowerBrowsing.Browsed page = browsing.browse(user.id(), appid, appliedQuery,
                pages.start() == null ? 0 : pages.start(), PAGE_SIZE);
        total = page.total();
        pages.nextStartsAt(page.nextAfter());
        rows = page.rows().stream().map(r -> row(r, byId)).toList();
        remarks.clear();
        chosenTags.clear();
        rows.forEach(r -> remarks.put(r.openid(), r.remark()));
    }

    private Row row(FollowerBrowsing.Row follower, Map<Integer, TagOption> tagsById) {
        List<TagOption> on = follower.tagIds().stream().map(tagsById::get).filter(Objects::nonNull).toList();
        List<TagOption> addable = tagOptions.stream().filter(t -> !follower.tagIds().contains(t.id())).toList();
        String qrScene = follower.qrSceneStr() != null ? follower.qrSceneStr()
                : follower.qrScene() != null ? follower.qrScene().toString() : null;
        return new Row(follower.openid(),
                follower.subscribeTime() == null ? null : follower.subscribeTime().atOffset(ZoneOffset.UTC),
                follower.subscribeScene() == null ? null : follower.subscribeScene().name(), qrScene,
                follower.remark(), follower.blacklisted(), on, addable);
    }

    private String nameOf(int tagId) {
        return tagOptions.stream().filter(t -> t.id() == tagId).map(TagOption::name).findFirst()
                .orElse(Integer.toString(tagId));
    }

    /** Whether the account was found and the person is a member: whether to show the page at all. */
    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public long getTotal() {
        return total;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isHasNext() {
        return pages.hasNext();
    }

    public boolean isHasPrevious() {
        return pages.hasPrevious();
    }

    /** 1 for the first page. */
    public int getPageNumber() {
        return pages.pageNumber();
    }

    public boolean isSearching() {
        return appliedQuery != null && !appliedQuery.isBlank();
    }

    public int getMaxRemarkLength() {
        return Followers.MAX_REMARK_LENGTH;
    }

    public Map<String, String> getRemarks() {
        return remarks;
    }

    public Map<String, Integer> getChosenTags() {
        return chosenTags;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
