package org.oaplatform.templates.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.templates.control.Industry;
import org.oaplatform.templates.control.LibraryTemplate;
import org.oaplatform.templates.control.TemplateContent;
import org.oaplatform.templates.control.TemplateError;
import org.oaplatform.templates.control.TemplateLibrary;
import org.oaplatform.templates.entity.AccountTemplate;
import org.oaplatform.templates.entity.IndustryChoice;

/**
 * An account's industries and its set of templates (spec §5.2, §5.3): two industries, changed at most once in
 * {@link #INDUSTRY_CHANGE_INTERVAL}; at most {@link #MAX_TEMPLATES} templates, each from the library and of one of the
 * account's industries.
 * <p>
 * The industry row is the account's lock for its template set: adding locks it first, so two adds at 24 templates
 * cannot make 26.
 * <p>
 * The methods taking an account id serve {@code /cgi-bin}, whose caller the access token identified. Those taking a
 * person id and an appid serve the portal: any member of the account reads (others get {@code NOT_FOUND}), owners and
 * admins change, and only accounts with template messages (verified service accounts, 48001 otherwise), as the API.
 */
@Stateless
public class Templates {

    public static final int MAX_TEMPLATES = 25;
    /** WeChat: "once a month". Thirty days, so that the rule does not depend on the length of a calendar month. */
    public static final Duration INDUSTRY_CHANGE_INTERVAL = Duration.ofDays(30);
    static final int MAX_LIBRARY_ID_LENGTH = 16;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    TemplateLibrary library;

    @Inject
    OfficialAccounts accounts;

    /** For the portal: {@link #industries(AccountId)}. */
    public Optional<Industries> industries(long personId, String appId) {
        return industries(account(personId, appId, MemberRole.values()));
    }

    /** For the portal: {@link #list(AccountId)}. */
    public List<AccountTemplate> list(long personId, String appId) {
        return list(account(personId, appId, MemberRole.values()));
    }

    /** For the portal: {@link #setIndustries(AccountId, String, String)}. */
    public void setIndustries(long personId, String appId, String primaryId, String secondaryId) {
        setIndustries(account(personId, appId, MemberRole.OWNER, MemberRole.ADMIN), primaryId, secondaryId);
    }

    /** For the portal: {@link #add(AccountId, String, List)}. */
    public String add(long personId, String appId, String libraryId, List<String> keywordNames) {
        return add(account(personId, appId, MemberRole.OWNER, MemberRole.ADMIN), libraryId, keywordNames);
    }

    /** For the portal: {@link #delete(AccountId, String)}. */
    public void delete(long personId, String appId, String templateId) {
        delete(account(personId, appId, MemberRole.OWNER, MemberRole.ADMIN), templateId);
    }

    public record Industries(Industry primary, Industry secondary) {
    }

    public void setIndustries(AccountId account, String primaryId, String secondaryId) {
        Industry primary = industry(primaryId);
        Industry secondary = industry(secondaryId);
        if (primary == secondary) {
            throw new BusinessException(TemplateError.INVALID_INDUSTRY, "choose two different industries");
        }
        Instant now = clock.instant();
        IndustryChoice choice = em.find(IndustryChoice.class, account.value(), LockModeType.PESSIMISTIC_WRITE);
        if (choice == null) {
            em.persist(new IndustryChoice(account.value(), primary.id(), secondary.id(), now));
            return;
        }
        if (choice.primaryIndustry() == primary.id() && choice.secondaryIndustry() == secondary.id()) {
            return;
        }
        Instant allowed = choice.changedAt().plus(INDUSTRY_CHANGE_INTERVAL);
        if (now.isBefore(allowed)) {
            throw new BusinessException(TemplateError.INDUSTRY_CHANGED_TOO_OFTEN,
                    "change industry too frequently; next change possible after " + allowed);
        }
        choice.change(primary.id(), secondary.id(), now);
    }

    public Optional<Industries> industries(AccountId account) {
        return Optional.ofNullable(em.find(IndustryChoice.class, account.value()))
                .map(c -> new Industries(Industry.byId(c.primaryIndustry()).orElseThrow(),
                        Industry.byId(c.secondaryIndustry()).orElseThrow()));
    }

    /** Adds a library template, cut to {@code keywordNames} when given; answers its {@code template_id}. */
    public String add(AccountId account, String libraryId, List<String> keywordNames) {
        if (libraryId == null || libraryId.isBlank() || libraryId.length() > MAX_LIBRARY_ID_LENGTH) {
            throw new BusinessException(TemplateError.INVALID_TEMPLATE_ID_SIZE);
        }
        LibraryTemplate template = library.byId(libraryId).orElseThrow(() -> new BusinessException(
                TemplateError.INVALID_TEMPLATE_ID, "no template " + libraryId + " in the library"));
        TemplateContent content = keywordNames == null || keywordNames.isEmpty() ? template.content()
                : template.content().withKeywordNames(keywordNames);
        IndustryChoice choice = em.find(IndustryChoice.class, account.value(), LockModeType.PESSIMISTIC_WRITE);
        if (choice == null) {
            throw new BusinessException(TemplateError.TEMPLATE_OUTSIDE_INDUSTRY, "set the account's industries first");
        }
        if (!choice.includes(template.industry().id())) {
            throw new BusinessException(TemplateError.TEMPLATE_OUTSIDE_INDUSTRY, "template " + libraryId
                    + " belongs to " + template.industry().firstClass() + "/" + template.industry().secondClass());
        }
        long count = em.createNamedQuery(AccountTemplate.COUNT_OF_ACCOUNT, Long.class)
                .setParameter("accountId", account.value()).getSingleResult();
        if (count >= MAX_TEMPLATES) {
            throw new BusinessException(TemplateError.TOO_MANY_TEMPLATES);
        }
        String templateId = ids.templateId();
        em.persist(new AccountTemplate(rowIds.next(), account.value(), templateId, template.id(), template.title(),
                template.industry().id(), content.text(), exampleFor(template, content), clock.instant()));
        return templateId;
    }

    public List<AccountTemplate> list(AccountId account) {
        return em.createNamedQuery(AccountTemplate.OF_ACCOUNT, AccountTemplate.class)
                .setParameter("accountId", account.value()).getResultList();
    }

    public void delete(AccountId account, String templateId) {
        em.remove(owned(account, templateId));
    }

    /** The account's template with that id; 40037 for any other (malformed, unknown, another account's). */
    public AccountTemplate owned(AccountId account, String templateId) {
        if (!Ids.matches(Ids.TEMPLATE_ID, templateId)) {
            throw new BusinessException(TemplateError.INVALID_TEMPLATE_ID);
        }
        return em.createNamedQuery(AccountTemplate.BY_TEMPLATE_ID, AccountTemplate.class)
                .setParameter("templateId", templateId).getResultStream()
                .filter(t -> t.accountId() == account.value()).findFirst()
                .orElseThrow(() -> new BusinessException(TemplateError.INVALID_TEMPLATE_ID));
    }

    private AccountId account(long personId, String appId, MemberRole... roles) {
        OfficialAccount account = accounts.requireRole(personId, appId, roles).account();
        accounts.requireCapability(account, Capability.TEMPLATE_MESSAGES);
        return account.accountId();
    }

    private static Industry industry(String id) {
        try {
            return Industry.byId(Integer.parseInt(id == null ? "" : id.strip())).orElseThrow(
                    () -> new BusinessException(TemplateError.INVALID_INDUSTRY, "no industry " + id));
        } catch (NumberFormatException e) {
            throw new BusinessException(TemplateError.INVALID_INDUSTRY, "industry ids are numbers 1 to 41");
        }
    }

    /** The example cut like the content: the library keeps one example line per template line. */
    private static String exampleFor(LibraryTemplate template, TemplateContent content) {
        List<String> all = List.of(template.content().text().split("\n", -1));
        List<String> examples = List.of(template.example().split("\n", -1));
        List<String> kept = List.of(content.text().split("\n", -1));
        StringBuilder example = new StringBuilder();
        for (int i = 0; i < all.size() && i < examples.size(); i++) {
            if (kept.contains(all.get(i))) {
                example.append(example.isEmpty() ? "" : "\n").append(examples.get(i));
            }
        }
        return example.toString();
    }
}
