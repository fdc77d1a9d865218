package fr.vivier.directory.registration;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierView;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.ClientAddress;
import fr.vivier.web.FormRateLimiter;
import fr.vivier.web.FrenchFormat;
import fr.vivier.web.StrictJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON API of the directory: the same registration as the form (same validation, same service) and the
 * published profile without contact data. JSON only: a form-encoded or text/plain POST is refused (415).
 */
@Controller("/api/v1/suppliers")
@Secured(SecurityRule.IS_ANONYMOUS)
class SupplierApiController {
    private final DirectoryService directory;
    private final ReferenceData reference;
    private final FormRateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final Clock clock;

    SupplierApiController(DirectoryService directory, ReferenceData reference, FormRateLimiter rateLimiter,
                          ClientAddress clientAddress, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.reference = reference;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    @Serdeable
    record FieldError(String field, String message) { }

    @Serdeable
    record Errors(List<FieldError> errors) {
        static Errors of(Map<String, String> errors) {
            return new Errors(errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList());
        }
    }

    @Serdeable
    record Created(long id, String status) { }

    @Serdeable
    record PublicProfile(long id, String name, @Nullable String tradeName, String kind, String kindLabel, boolean ess,
                         String size, String commune, String communeCode, List<String> sectors, List<Label> labels,
                         List<Area> interventionArea, String description, List<String> offers, @Nullable String website,
                         String url) {
        @Serdeable
        record Label(String code, String state) { }

        @Serdeable
        record Area(String type, String code) { }
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> register(HttpRequest<?> request, @Body String body) {
        if (!rateLimiter.tryAcquire("registration", clientAddress.of(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("message", RegistrationController.RATE_LIMITED));
        }
        StrictJson.Result<SupplierInput> read = StrictJson.read(body, SupplierInput.class);
        if (read instanceof StrictJson.Result.Refused<SupplierInput> refused) {
            return HttpResponse.badRequest(new Errors(List.of(new FieldError(refused.field(), refused.message()))));
        }
        SupplierInput input = ((StrictJson.Result.Read<SupplierInput>) read).value();
        DirectoryService.RegistrationResult result = directory.register(withDefaults(input), "API");
        if (result instanceof DirectoryService.RegistrationResult.Invalid invalid) {
            return HttpResponse.badRequest(Errors.of(invalid.errors()));
        }
        if (result instanceof DirectoryService.RegistrationResult.AlreadyRegistered) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("message",
                "Cet établissement est déjà inscrit : un lien de mise à jour a été envoyé à sa personne à contacter."));
        }
        Supplier supplier = ((DirectoryService.RegistrationResult.Registered) result).supplier();
        return HttpResponse.created(new Created(supplier.id(), supplier.status().name()),
            URI.create("/api/v1/suppliers/" + supplier.id()));
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> profile(@PathVariable long id) {
        return directory.find(id).filter(Supplier::isPublished)
            .<HttpResponse<?>>map(supplier -> HttpResponse.ok(toPublic(directory.view(supplier))))
            .orElseGet(() -> HttpResponse.notFound(Map.of("message", "Structure introuvable.")));
    }

    /** Malformed JSON or wrong types: a 400 in the API's error format, never a 500. */
    @Error(exception = ConversionErrorException.class)
    HttpResponse<Errors> unreadable(ConversionErrorException exception) {
        String field = exception.getArgument() == null ? "body" : exception.getArgument().getName();
        return HttpResponse.badRequest(new Errors(List.of(new FieldError(field, "Valeur illisible : vérifiez le format JSON et le type du champ."))));
    }

    @Error(exception = UnsatisfiedArgumentException.class)
    HttpResponse<Errors> missingBody() {
        return HttpResponse.badRequest(new Errors(List.of(new FieldError("body", "Corps de requête JSON attendu."))));
    }

    /** An empty body is reported as an unsatisfied route, not as an unsatisfied argument. */
    @Error(exception = UnsatisfiedRouteException.class)
    HttpResponse<Errors> emptyBody() {
        return missingBody();
    }

    private static SupplierInput withDefaults(SupplierInput input) {
        return new SupplierInput(input.siret(), input.name(), input.tradeName(), input.legalForm(), input.size(), input.kind(),
            input.communeCode(), nonNull(input.interventionArea()), nonNull(input.sectors()), nonNull(input.labels()),
            input.description(), nonNull(input.offers()), nonNull(input.references()), input.website(),
            input.contact() == null ? new SupplierInput.ContactInput(null, null, null, null) : input.contact(),
            input.consents() == null ? new SupplierInput.ConsentsInput(false, false, false) : input.consents(),
            input.recontactRequest());
    }

    private static <T> List<T> nonNull(@Nullable List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    private PublicProfile toPublic(SupplierView view) {
        Supplier supplier = view.supplier();
        LocalDate today = FrenchFormat.today(clock);
        return new PublicProfile(supplier.id(), supplier.name(), supplier.tradeName(), supplier.kind().name(),
            supplier.kind().label(), supplier.ess(), supplier.size().name(),
            view.commune() == null ? "" : view.commune().name(), supplier.communeCode(), view.sectors(),
            view.labels().stream().map(l -> new PublicProfile.Label(l.labelCode(), l.verificationState(today).name())).toList(),
            view.areas().stream().map(a -> new PublicProfile.Area(a.areaType().name(), a.areaCode())).toList(),
            supplier.description(), view.offers(), supplier.website(), "/fournisseurs/" + supplier.slug());
    }
}
