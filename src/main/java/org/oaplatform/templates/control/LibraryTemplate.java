package org.oaplatform.templates.control;

/** A template of the platform's library that accounts add to their own set ({@code api_add_template}). */
public record LibraryTemplate(String id, String title, Industry industry, TemplateContent content, String example) {
}
