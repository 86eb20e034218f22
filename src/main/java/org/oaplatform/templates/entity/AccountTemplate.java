package org.oaplatform.templates.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A template an account added from the library, under the {@code template_id} it sends with. Its text is copied
 * (possibly cut to chosen keywords), so later library changes do not change what the account sends.
 */
@Entity
@Table(name = "account_template")
@NamedQueries({
    @NamedQuery(name = AccountTemplate.OF_ACCOUNT, query = "SELECT t FROM AccountTemplate t"
            + " WHERE t.accountId = :accountId ORDER BY t.createdAt, t.id"),
    @NamedQuery(name = AccountTemplate.COUNT_OF_ACCOUNT, query = "SELECT COUNT(t) FROM AccountTemplate t"
            + " WHERE t.accountId = :accountId"),
    @NamedQuery(name = AccountTemplate.BY_TEMPLATE_ID, query = "SELECT t FROM AccountTemplate t"
            + " WHERE t.templateId = :templateId")
})
public class AccountTemplate {

    public static final String OF_ACCOUNT = "AccountTemplate.ofAccount";
    public static final String COUNT_OF_ACCOUNT = "AccountTemplate.countOfAccount";
    public static final String BY_TEMPLATE_ID = "AccountTemplate.byTemplateId";

    /** From {@code TimeOrderedIds}. */
    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "template_id", nullable = false, length = 43)
    private String templateId;

    @Column(name = "library_id", nullable = false, length = 16)
    private String libraryId;

    @Column(nullable = false, length = 64)
    private String title;

    @Column(nullable = false)
    private int industry;

    @Column(nullable = false, length = 1024)
    private String content;

    @Column(nullable = false, length = 1024)
    private String example;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountTemplate() {
    }

    public AccountTemplate(long id, long accountId, String templateId, String libraryId, String title, int industry,
            String content, String example, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.templateId = templateId;
        this.libraryId = libraryId;
        this.title = title;
        this.industry = industry;
        this.content = content;
        this.example = example;
        this.createdAt = createdAt;
    }

    public long accountId() {
        return accountId;
    }

    public String templateId() {
        return templateId;
    }

    public String libraryId() {
        return libraryId;
    }

    public String title() {
        return title;
    }

    public int industry() {
        return industry;
    }

    public String content() {
        return content;
    }

    public String example() {
        return example;
    }
}
