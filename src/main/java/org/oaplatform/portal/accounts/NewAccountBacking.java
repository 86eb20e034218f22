package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.oaplatform.officialaccounts.boundary.AccountRegistration;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/new.xhtml}: registers an official account owned by the signed-in person, then shows its
 * appid and secret. The secret exists in clear only in this view; leaving the page forgets it.
 */
@Named
@ViewScoped
public class NewAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Created(String appid, String secret) implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    PortalUser user;

    private String name;
    private AccountType type = AccountType.SUBSCRIPTION;
    private AccountRegion region = AccountRegion.CN;
    private EntityType entityType = EntityType.COMPANY;
    private String description;
    private String legalName;
    private String registrationNumber;
    private String legalRepresentative;
    private Created created;

    public void register() {
        boolean organisation = isOrganisation();
        OfficialAccounts.Registered registered = accounts.register(user.id(), new AccountRegistration(name, type,
                region, entityType, description, organisation ? legalName : null,
                organisation ? registrationNumber : null, organisation ? legalRepresentative : null));
        created = new Created(registered.account().appId(), registered.secret());
    }

    /** Organisations give their legal details; individuals do not. */
    public boolean isOrganisation() {
        return entityType != null && entityType.isOrganisation();
    }

    public AccountType[] getTypes() {
        return AccountType.values();
    }

    public AccountRegion[] getRegions() {
        return AccountRegion.values();
    }

    public EntityType[] getEntityTypes() {
        return EntityType.values();
    }

    public Created getCreated() {
        return created;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AccountType getType() {
        return type;
    }

    public void setType(AccountType type) {
        this.type = type;
    }

    public AccountRegion getRegion() {
        return region;
    }

    public void setRegion(AccountRegion region) {
        this.region = region;
    }

    public EntityType getEntityType() {
        return entityType;
    }

    public void setEntityType(EntityType entityType) {
        this.entityType = entityType;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public void setRegistrationNumber(String registrationNumber) {
        this.registrationNumber = registrationNumber;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(String legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }
}
