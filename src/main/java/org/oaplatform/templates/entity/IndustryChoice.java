package org.oaplatform.templates.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The two industries an account chose for its template messages, and when it last changed them. */
@Entity
@Table(name = "template_industry_choice")
public class IndustryChoice {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "primary_industry", nullable = false)
    private int primaryIndustry;

    @Column(name = "secondary_industry", nullable = false)
    private int secondaryIndustry;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected IndustryChoice() {
    }

    public IndustryChoice(long accountId, int primaryIndustry, int secondaryIndustry, Instant changedAt) {
        this.accountId = accountId;
        change(primaryIndustry, secondaryIndustry, changedAt);
    }

    public final void change(int primary, int secondary, Instant at) {
        this.primaryIndustry = primary;
        this.secondaryIndustry = secondary;
        this.changedAt = at;
    }

    public boolean includes(int industry) {
        return primaryIndustry == industry || secondaryIndustry == industry;
    }

    public int primaryIndustry() {
        return primaryIndustry;
    }

    public int secondaryIndustry() {
        return secondaryIndustry;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
