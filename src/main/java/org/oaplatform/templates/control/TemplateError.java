package org.oaplatform.templates.control;

import org.oaplatform.platform.control.ErrorCode;

/** Errors of template messages, with WeChat's codes (spec §5.3). */
public enum TemplateError implements ErrorCode {
    INVALID_INDUSTRY(40102, "invalid-industry", 400, "invalid industry id"),
    INDUSTRY_CHANGED_TOO_OFTEN(43100, "industry-changed-too-often", 409, "change industry too frequently"),
    INVALID_TEMPLATE_ID_SIZE(40036, "invalid-template-id-size", 400, "invalid template_id size"),
    INVALID_TEMPLATE_ID(40037, "invalid-template-id", 404, "invalid template_id"),
    TOO_MANY_TEMPLATES(45026, "too-many-templates", 409, "template num exceeds limit"),
    TEMPLATE_OUTSIDE_INDUSTRY(45027, "template-outside-industry", 409, "template conflict with industry"),
    INVALID_KEYWORD_NAMES(40246, "invalid-keyword-names", 400, "invalid keyword_name_list"),
    INVALID_DATA(47003, "invalid-template-data", 400, "argument invalid! data"),
    INVALID_URL(40039, "invalid-template-url", 400, "invalid url size");

    private final Wire wire;

    TemplateError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
