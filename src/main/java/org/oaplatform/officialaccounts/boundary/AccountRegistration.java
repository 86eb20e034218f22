package org.oaplatform.officialaccounts.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;

/**
 * {@code POST /api/v1/official-accounts}; organisations also give their legal details. A class with public fields
 * rather than a record, because Payara's OpenAPI scanner fails on constraints of record components.
 */
public class AccountRegistration {
    @NotBlank(message = "{oa.accountName.required}")
    @Size(min = 2, max = 30, message = "{oa.accountName.size}")
    public String name;
    @NotNull(message = "{oa.accountType.required}")
    public AccountType type;
    @NotNull(message = "{oa.accountRegion.required}")
    public AccountRegion region;
    @NotNull(message = "{oa.entityType.required}")
    public EntityType entityType;
    @Size(max = 500, message = "{oa.description.size}")
    public String description;
    @Size(max = 200, message = "{oa.legalName.size}")
    public String legalName;
    @Size(max = 64, message = "{oa.registrationNumber.size}")
    public String registrationNumber;
    @Size(max = 100, message = "{oa.legalRepresentative.size}")
    public String legalRepresentative;

    public AccountRegistration() {
    }

    public AccountRegistration(String name, AccountType type, AccountRegion region, EntityType entityType,
            String description, String legalName, String registrationNumber, String legalRepresentative) {
        this.name = name;
        this.type = type;
        this.region = region;
        this.entityType = entityType;
        this.description = description;
        this.legalName = legalName;
        this.registrationNumber = registrationNumber;
        this.legalRepresentative = legalRepresentative;
    }
}
