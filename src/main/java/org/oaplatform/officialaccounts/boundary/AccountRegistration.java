package org.oaplatform.officialaccounts.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;

/** {@code POST /api/v1/official-accounts}; organisations also give their legal details. */
public record AccountRegistration(
        @NotBlank(message = "{oa.accountName.required}") @Size(min = 2, max = 30, message = "{oa.accountName.size}") String name,
        @NotNull(message = "{oa.accountType.required}") AccountType type,
        @NotNull(message = "{oa.accountRegion.required}") AccountRegion region,
        @NotNull(message = "{oa.entityType.required}") EntityType entityType,
        @Size(max = 500, message = "{oa.description.size}") String description,
        @Size(max = 200, message = "{oa.legalName.size}") String legalName,
        @Size(max = 64, message = "{oa.registrationNumber.size}") String registrationNumber,
        @Size(max = 100, message = "{oa.legalRepresentative.size}") String legalRepresentative) {
}
