package org.oaplatform.officialaccounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.DocumentType;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;

/** Client API for official accounts: register, find, manage credentials, members, whitelist, verification. */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficialAccountsResource {

    public record Registered(String appid, String secret, AccountView account) {
    }

    public record NewSecret(String appid, String secret) {
    }

    // Request bodies are classes with public fields, not records: Payara's OpenAPI scanner fails on Bean Validation
    // annotations of record components (they land on the canonical constructor's parameters too).

    public static class MemberRequest {
        @Pattern(regexp = "[A-Za-z]{2}", message = "{oa.region.pattern}")
        public String region;
        @NotBlank(message = "{oa.phone.required}")
        public String phone;
        @NotNull(message = "{oa.role.required}")
        public MemberRole role;
    }

    public record MemberView(long personRef, MemberRole role, Instant addedAt) {
    }

    public static class Whitelist {
        @NotNull(message = "{oa.addresses.required}")
        @Size(max = 200)
        public List<String> addresses;
    }

    public static class DocumentUpload {
        @NotNull(message = "{oa.documentType.required}")
        public DocumentType type;
        @NotBlank(message = "{oa.fileName.required}")
        public String fileName;
        @NotBlank(message = "{oa.contentType.required}")
        public String contentType;
        @NotBlank(message = "{oa.content.required}")
        public String content;
    }

    public static class ApplicationRequest {
        @NotNull(message = "{oa.documents.required}")
        @Size(min = 1, max = 3, message = "{oa.documents.size}")
        public List<@Valid @NotNull DocumentUpload> documents;
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Verifications verifications;

    @Inject
    CurrentPerson currentPerson;

    @Inject
    Clock clock;

    @POST
    @Path("official-accounts")
    public Response register(@Valid @NotNull(message = "{oa.body.required}") AccountRegistration request) {
        OfficialAccounts.Registered registered = accounts.register(currentPerson.id(), request);
        OfficialAccount account = registered.account();
        return Response.created(URI.create("official-accounts/" + account.appId()))
                .entity(new Registered(account.appId(), registered.secret(),
                        AccountView.memberView(account, MemberRole.OWNER.name(), clock.instant())))
                .build();
    }

    @GET
    @Path("official-accounts")
    public List<AccountView> search(@QueryParam("q") String q) {
        Instant now = clock.instant();
        return accounts.search(currentPerson.id(), q).stream().map(a -> AccountView.publicView(a, now)).toList();
    }

    @GET
    @Path("me/official-accounts")
    public List<AccountView> mine() {
        Instant now = clock.instant();
        return accounts.accountsOf(currentPerson.id()).stream()
                .map(m -> AccountView.memberView(m.account(), m.role().name(), now)).toList();
    }

    @GET
    @Path("official-accounts/{appid}")
    public AccountView get(@PathParam("appid") String appId) {
        Membership membership = accounts.requireMember(currentPerson.id(), appId);
        return AccountView.memberView(membership.account(), membership.role().name(), clock.instant());
    }

    @POST
    @Path("official-accounts/{appid}/secret")
    public NewSecret resetSecret(@PathParam("appid") String appId) {
        return new NewSecret(appId, accounts.resetSecret(currentPerson.id(), appId));
    }

    @GET
    @Path("official-accounts/{appid}/members")
    public List<MemberView> members(@PathParam("appid") String appId) {
        return accounts.members(currentPerson.id(), appId).stream()
                .map(m -> new MemberView(m.personId(), m.role(), m.addedAt())).toList();
    }

    @POST
    @Path("official-accounts/{appid}/members")
    public Response addMember(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") MemberRequest request) {
        Membership m = accounts.addMember(currentPerson.id(), appId, request.region, request.phone, request.role);
        return Response.status(Response.Status.CREATED).entity(new MemberView(m.personId(), m.role(), m.addedAt()))
                .build();
    }

    @PUT
    @Path("official-accounts/{appid}/ip-whitelist")
    public AccountView replaceIpWhitelist(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") Whitelist whitelist) {
        OfficialAccount account = accounts.replaceIpWhitelist(currentPerson.id(), appId, whitelist.addresses);
        return AccountView.memberView(account, null, clock.instant());
    }

    @POST
    @Path("official-accounts/{appid}/verification-applications")
    public Response apply(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") ApplicationRequest request) {
        List<Verifications.Document> documents = request.documents.stream()
                .map(d -> new Verifications.Document(d.type, d.fileName, d.contentType, decode(d)))
                .toList();
        return Response.status(Response.Status.CREATED)
                .entity(ApplicationView.of(verifications.apply(currentPerson.id(), appId, documents))).build();
    }

    @GET
    @Path("official-accounts/{appid}/verification-applications")
    public List<ApplicationView> applications(@PathParam("appid") String appId) {
        return verifications.applications(currentPerson.id(), appId).stream().map(ApplicationView::of).toList();
    }

    private static byte[] decode(DocumentUpload upload) {
        try {
            return Base64.getMimeDecoder().decode(upload.content);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(OfficialAccountError.DOCUMENT_REJECTED,
                    upload.fileName + ": content must be base64");
        }
    }
}
