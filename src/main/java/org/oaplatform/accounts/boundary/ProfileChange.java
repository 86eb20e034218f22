package org.oaplatform.accounts.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/me}: the fields to change; absent fields stay as they are. A class with public fields rather
 * than a record, because Payara's OpenAPI scanner fails on constraints of record components.
 */
public class ProfileChange {
    @Size(min = 1, max = 32, message = "{oa.displayName.size}")
    public String displayName;
    @Pattern(regexp = "[A-Z]{2}", message = "{oa.region.pattern}")
    public String region;
    @Pattern(regexp = "en|zh-CN", message = "{oa.language.pattern}")
    public String language;
    @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{5,19}", message = "{oa.handle.pattern}")
    public String handle;
}
