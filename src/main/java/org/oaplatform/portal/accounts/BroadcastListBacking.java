package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.broadcasts.boundary.BroadcastDesk;
import org.oaplatform.broadcasts.boundary.BroadcastReports;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * The lower half of {@code portal/accounts/broadcasts.xhtml}: the account's broadcasts newest first (20 a page, keyset
 * by id), polled every two seconds while one is sending so that its progress bar moves, the desk's steps for those
 * that have not started (cancel; approve and reject for managers), and the statistics of the one chosen. The composer
 * ({@link BroadcastsBacking}) loads it and shows what it just composed.
 */
@Named
@ViewScoped
public class BroadcastListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;

    @Inject
    BroadcastReports reports;

    @Inject
    BroadcastDesk desk;

    @Inject
    People people;

    @Inject
    PortalUser user;

    private String appid;
    private final KeysetPages<Long> pages = new KeysetPages<>();
    private List<BroadcastRow> rows = List.of();
    private final BroadcastStatistics statistics = new BroadcastStatistics();
    /** Why a manager rejects the next one they reject (optional), shown to the members in the list. */
    private String rejectNote;

    /** For a member of the account: the composer checked. */
    public void load(String appId) {
        this.appid = appId;
        showList();
    }

    /** The composer sent or scheduled one: the list from the top, and its statistics. */
    public void composed(long broadcastId) {
        pages.restart();
        showList();
        statistics.show(reports.report(user.id(), appid, broadcastId));
    }

    /** The poll's tick, while a broadcast is sending: the list and the statistics shown. */
    public void poll() {
        showList();
        if (statistics.isShown()) {
            statistics.show(reports.report(user.id(), appid, statistics.broadcastId()));
        }
    }

    public void showStatistics(BroadcastRow row) {
        statistics.show(reports.report(user.id(), appid, Long.parseLong(row.id())));
    }

    public void cancel(BroadcastRow row) {
        desk.cancel(user.id(), appid, Long.parseLong(row.id()));
        PortalMessages.info("broadcasts.cancelled", row.id());
        showList();
    }

    public void approve(BroadcastRow row) {
        Broadcast approved = desk.approve(user.id(), appid, Long.parseLong(row.id()));
        PortalMessages.info("broadcasts.approved." + approved.status().name(), row.id(),
                BroadcastStatistics.time(approved.sendAt()));
        showList();
    }

    public void reject(BroadcastRow row) {
        desk.reject(user.id(), appid, Long.parseLong(row.id()), rejectNote == null || rejectNote.isBlank() ? null
                : rejectNote.strip());
        rejectNote = null;
        PortalMessages.info("broadcasts.rejected", row.id());
        showList();
    }

    public void nextPage() {
        if (pages.forward()) {
            showList();
        }
    }

    public void previousPage() {
        if (pages.back()) {
            showList();
        }
    }

    private void showList() {
        BroadcastReports.Page page = reports.broadcasts(user.id(), appid, pages.start(), PAGE_SIZE);
        pages.nextStartsAt(page.nextBefore());
        Map<Long, String> names = people.byIds(page.rows().stream().map(r -> r.broadcast().composedBy())
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Person::id, Person::displayName));
        rows = page.rows().stream().map(r -> BroadcastRow.of(r, names)).toList();
    }

    /** Whether the list polls: while one of its broadcasts, or the one whose statistics are shown, is sending. */
    public boolean isSending() {
        return rows.stream().anyMatch(BroadcastRow::isSending) || statistics.isSending();
    }

    public boolean isAnyPendingApproval() {
        return rows.stream().anyMatch(BroadcastRow::isPendingApproval);
    }

    public String getRejectNote() {
        return rejectNote;
    }

    public void setRejectNote(String rejectNote) {
        this.rejectNote = rejectNote;
    }

    public List<BroadcastRow> getRows() {
        return rows;
    }

    public BroadcastStatistics getStatistics() {
        return statistics;
    }

    public boolean isHasNext() {
        return pages.hasNext();
    }

    public boolean isHasPrevious() {
        return pages.hasPrevious();
    }

    public int getPageNumber() {
        return pages.pageNumber();
    }
}
