package org.oaplatform.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.oaplatform.accounts.control.SmsGateway;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Settings;

/** Client API for personal accounts: codes, registration, sessions, the profile (and the dev-mode SMS outbox). */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    // Request bodies are classes with public fields, not records: Payara's OpenAPI scanner fails on Bean Validation
    // annotations of record components (they land on the canonical constructor's parameters too).

    public static class CodeRequest {
        @Pattern(regexp = "[A-Za-z]{2}", message = "{oa.region.pattern}")
        public String region;
        @NotBlank(message = "{oa.phone.required}")
        public String phone;
    }

    public record CodeSent(boolean sent, Instant expiresAt) {
    }

    public static class Registration {
        @Pattern(regexp = "[A-Za-z]{2}", message = "{oa.region.pattern}")
        public String region;
        @NotBlank(message = "{oa.phone.required}")
        public String phone;
        @NotBlank(message = "{oa.code.required}")
        @Pattern(regexp = "\\d{6}", message = "{oa.code.pattern}")
        public String code;
        @NotNull(message = "{oa.password.required}")
        @Size(min = 8, max = 64, message = "{oa.password.size}")
        @Pattern(regexp = "(?=.*\\p{L})(?=.*\\d).*", message = "{oa.password.pattern}")
        public String password;
        @NotBlank(message = "{oa.displayName.required}")
        @Size(max = 32, message = "{oa.displayName.size}")
        public String displayName;
    }

    public static class Login {
        @Pattern(regexp = "[A-Za-z]{2}", message = "{oa.region.pattern}")
        public String region;
        @NotBlank(message = "{oa.phone.required}")
        public String phone;
        @Size(max = 64, message = "{oa.password.size}")
        public String password;
        @Pattern(regexp = "\\d{6}", message = "{oa.code.pattern}")
        public String code;
    }

    public record SmsView(String phone, String body, Instant sentAt) {
    }

    @Inject
    VerificationCodes codes;

    @Inject
    People people;

    @Inject
    Sessions sessions;

    @Inject
    CurrentPerson currentPerson;

    @Inject
    SmsGateway sms;

    @Inject
    Settings settings;

    @POST
    @Path("verification-codes")
    public Response sendCode(@Valid @NotNull(message = "{oa.body.required}") CodeRequest request) {
        Instant expiresAt = codes.send(request.region, request.phone);
        return Response.accepted(new CodeSent(true, expiresAt)).build();
    }

    @POST
    @Path("accounts")
    public Response register(@Valid @NotNull(message = "{oa.body.required}") Registration request) {
        Person person = people.register(request.region, request.phone, request.code, request.password,
                request.displayName);
        return Response.created(URI.create("me")).entity(PersonView.of(person, people.isPlatformAdmin(person))).build();
    }

    @POST
    @Path("sessions")
    public Response logIn(@Valid @NotNull(message = "{oa.body.required}") Login request) {
        boolean withPassword = request.password != null;
        if (withPassword == (request.code != null)) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "give either a password or a code");
        }
        Sessions.Issued issued = withPassword
                ? sessions.logInWithPassword(request.region, request.phone, request.password)
                : sessions.logInWithCode(request.region, request.phone, request.code);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @DELETE
    @Path("sessions/current")
    public Response logOut() {
        sessions.logOut(currentPerson.sessionId());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public PersonView me() {
        Person person = people.get(currentPerson.id());
        return PersonView.of(person, people.isPlatformAdmin(person));
    }

    @PATCH
    @Path("me")
    public PersonView updateMe(@Valid @NotNull(message = "{oa.body.required}") ProfileChange change) {
        Person person = people.updateProfile(currentPerson.id(), change);
        return PersonView.of(person, people.isPlatformAdmin(person));
    }

    /** Dev mode only: lets a developer (and the tests) read the codes the SMS gateway would have sent. */
    @GET
    @Path("dev/sms-outbox")
    public List<SmsView> smsOutbox() {
        if (!settings.devMode()) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such resource");
        }
        return sms.recent(50).stream().map(m -> new SmsView(m.phone(), m.body(), m.createdAt())).toList();
    }
}
