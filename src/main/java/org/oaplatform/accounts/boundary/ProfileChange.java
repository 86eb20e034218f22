package org.oaplatform.accounts.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/v1/me}: the fields to change; absent fields stay as they are. */
public record ProfileChange(
        @Size(min = 1, max = 32, message = "{oa.displayName.size}") String displayName,
        @Pattern(regexp = "[A-Z]{2}", message = "{oa.region.pattern}") String region,
        @Pattern(regexp = "en|zh-CN", message = "{oa.language.pattern}") String language,
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{5,19}", message = "{oa.handle.pattern}") String handle) {
}
