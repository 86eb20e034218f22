package org.oaplatform.officialaccounts.entity;

/** Kinds of documents a verification application may carry. */
public enum DocumentType {
    BUSINESS_LICENSE, ORGANISATION_CERTIFICATE, ID_CARD, AUTHORISATION_LETTER, OTHER
}
