package org.oaplatform.portal.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.oaplatform.payments.boundary.LedgerInspection;
import org.oaplatform.payments.boundary.Statements;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.portal.KeysetPages;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/admin/transactions.xhtml?q=...}: one field looks up either postings (a posting id {@code pst_...}, or
 * the business reference of a transfer, red packet, top-up or withdrawal: every posting it made, with all legs) or a
 * person by phone number (their balance and statement, newest first, a page at a time: keyset by the last entry's
 * posting id, never an offset). The lookup is a GET parameter, so that any result can be linked to.
 */
@Named
@ViewScoped
public class TransactionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;

    /** Digits with the usual phone punctuation and an optional leading +: no posting id or reference looks so. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,30}");

    public record Leg(String accountKind, int shard, String owner, long amount, long balanceAfter)
            implements Serializable {

        static Leg of(LedgerInspection.LegView leg) {
            return new Leg(leg.accountKind().name(), leg.shard(), leg.owner(), leg.amount(), leg.balanceAfter());
        }
    }

    public record Posting(String id, String kind, String reference, String reverses, OffsetDateTime postedAt,
            List<Leg> legs) implements Serializable {

        static Posting of(LedgerInspection.PostingView posting) {
            return new Posting(posting.id(), posting.kind().name(), posting.reference(), posting.reverses(),
                    posting.postedAt().atOffset(ZoneOffset.UTC), posting.legs().stream().map(Leg::of).toList());
        }
    }

    /** One line of a statement; {@code counterpart} and {@code status} are {@code null} when there is none. */
    public record Entry(String id, String type, long amount, long balanceAfter, String reference, String counterpart,
            String status, String memo, OffsetDateTime postedAt) implements Serializable {

        static Entry of(Statements.Entry entry) {
            return new Entry(entry.id(), entry.type().name(), entry.amount(), entry.balanceAfter(), entry.reference(),
                    entry.counterpart() == null ? null : entry.counterpart().name(), entry.status(), entry.memo(),
                    entry.postedAt().atOffset(ZoneOffset.UTC));
        }
    }

    /** A top-up the bank has not confirmed: shown above the statement, with no balance, as nothing is credited. */
    public record PendingTopUp(String id, long amount, String card, OffsetDateTime requestedAt)
            implements Serializable {

        static PendingTopUp of(Statements.Pending pending) {
            return new PendingTopUp(pending.id(), pending.amount(),
                    pending.counterpart() == null ? null : pending.counterpart().name(),
                    pending.requestedAt().atOffset(ZoneOffset.UTC));
        }
    }

    @Inject
    LedgerInspection inspection;

    @Inject
    PortalUser user;

    /** The lookup shown (view parameter {@code q}), and what is typed into the field. */
    private String q;
    private String query;
    private List<Posting> postings = List.of();
    /** The person looked up by phone; {@code null} when the lookup is not a phone number or found nobody. */
    private String phone;
    private long balance;
    private List<Entry> entries = List.of();
    private List<PendingTopUp> pending = List.of();
    /** By the posting id a page of the statement starts before, newest first. */
    private final KeysetPages<String> pages = new KeysetPages<>();

    public void load() {
        query = q;
        if (q == null || q.isBlank()) {
            return;
        }
        String lookup = q.strip();
        try {
            if (PHONE.matcher(lookup).matches()) {
                showStatement(lookup);
            } else {
                postings = inspection.postings(user.id(), lookup).stream().map(Posting::of).toList();
            }
        } catch (BusinessException refused) {
            if (refused.code() != PlatformError.NOT_FOUND) {
                throw refused;
            }
            inspection.unpostedTopUp(user.id(), lookup).ifPresentOrElse(
                    status -> PortalMessages.error("transactions.topUp." + status.name(), lookup),
                    () -> PortalMessages.error("transactions.notFound", lookup));
        }
    }

    /** Shows what was typed, as a new GET of this page, so that the address names the lookup. */
    public String lookUp() {
        q = query == null ? null : query.strip();
        return "/portal/admin/transactions.xhtml?faces-redirect=true&includeViewParams=true";
    }

    public void olderPage() {
        if (pages.forward()) {
            showPage(phone);
        }
    }

    public void newerPage() {
        if (pages.back()) {
            showPage(phone);
        }
    }

    private void showStatement(String lookup) {
        pages.restart();
        showPage(lookup);
    }

    /** The page of {@code who}'s statement where {@link #pages} stands; the person is shown once found. */
    private void showPage(String who) {
        Statements.Page page = inspection.statementOf(user.id(), who,
                new Statements.Filter(List.of(), null, null, null, pages.start(), PAGE_SIZE));
        phone = who;
        balance = page.balance();
        entries = page.entries().stream().map(Entry::of).toList();
        pending = page.pending().stream().map(PendingTopUp::of).toList();
        pages.nextStartsAt(page.nextBefore());
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<Posting> getPostings() {
        return postings;
    }

    /** Whether a person's statement is shown (the lookup was a phone number of someone). */
    public boolean isStatement() {
        return phone != null;
    }

    public String getPhone() {
        return phone;
    }

    public long getBalance() {
        return balance;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    public List<PendingTopUp> getPending() {
        return pending;
    }

    public boolean isHasOlder() {
        return pages.hasNext();
    }

    public boolean isHasNewer() {
        return pages.hasPrevious();
    }

    /** 1 for the newest page. */
    public int getPageNumber() {
        return pages.pageNumber();
    }
}
