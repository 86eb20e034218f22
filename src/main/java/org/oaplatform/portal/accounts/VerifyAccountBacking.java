package org.oaplatform.portal.accounts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.boundary.Verifications;
import org.oaplatform.officialaccounts.control.DocumentRules;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/**
 * {@code portal/accounts/verify.xhtml?appid=...}: an owner or admin of an account applies for verification with up
 * to {@value DocumentRules#MAX_DOCUMENTS} documents. The boundary checks the files again (type by their first bytes,
 * size, count); the upload component's limits only save a round trip.
 */
@Named
@ViewScoped
public class VerifyAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Verifications verifications;

    @Inject
    PortalUser user;

    private String appid;
    private String accountName;
    private boolean eligible;
    private DocumentType documentType = DocumentType.BUSINESS_LICENSE;
    private transient UploadedFiles files;

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("verify.appid.required");
            return;
        }
        OfficialAccount account = accounts.requireRole(user.id(), appid, MemberRole.OWNER, MemberRole.ADMIN).account();
        accountName = account.name();
        eligible = account.mayBeVerified();
    }

    public String submit() {
        List<UploadedFile> chosen = files == null ? List.of() : files.getFiles();
        files = null;
        if (chosen.isEmpty()) {
            PortalMessages.error("verify.file.required");
            return null;
        }
        List<Verifications.Document> documents = chosen.stream().map(f -> new Verifications.Document(documentType,
                f.getFileName(), f.getContentType(), f.getContent())).toList();
        verifications.apply(user.id(), appid, documents);
        PortalMessages.info("verify.submitted", accountName);
        PortalMessages.keepForRedirect();
        return "/portal/index.xhtml?faces-redirect=true";
    }

    public DocumentType[] getDocumentTypes() {
        return DocumentType.values();
    }

    public long getMaxBytes() {
        return DocumentRules.MAX_BYTES;
    }

    public int getMaxDocuments() {
        return DocumentRules.MAX_DOCUMENTS;
    }

    /** Whether the account was found and may be verified at all, i.e. whether to show the form. */
    public boolean isReady() {
        return accountName != null && eligible;
    }

    public String getAccountName() {
        return accountName;
    }

    public boolean isEligible() {
        return eligible;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public void setDocumentType(DocumentType documentType) {
        this.documentType = documentType;
    }

    public UploadedFiles getFiles() {
        return files;
    }

    public void setFiles(UploadedFiles files) {
        this.files = files;
    }
}
