package fr.vivier.directory;

import fr.vivier.mail.MailService;
import fr.vivier.reference.Label;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.shared.SecretTokens;
import fr.vivier.shared.TextFolding;
import fr.vivier.web.FrenchFormat;
import fr.vivier.web.ReturnPath;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The directory's use cases: registration, profile updates, moderation, links, consents and erasure. */
@Singleton
public class DirectoryService {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryService.class);
    public static final String ACTOR_SUPPLIER = "la structure";

    private final DirectoryRepositories.Suppliers suppliers;
    private final DirectoryRepositories.Contacts contacts;
    private final DirectoryRepositories.Consents consents;
    private final DirectoryRepositories.History history;
    private final DirectoryRepositories.Links links;
    private final List<SupplierRecords> records;
    private final SupplierDetailsRepository details;
    private final SupplierValidator validator;
    private final SupplierChangeRepository changes;
    private final MailService mail;
    private final ReferenceData reference;
    private final DirectoryConfiguration configuration;
    private final Clock clock;

    DirectoryService(DirectoryRepositories.Suppliers suppliers, DirectoryRepositories.Contacts contacts,
                     DirectoryRepositories.Consents consents, DirectoryRepositories.History history,
                     DirectoryRepositories.Links links, List<SupplierRecords> records, SupplierDetailsRepository details,
                     SupplierValidator validator, SupplierChangeRepository changes, MailService mail, ReferenceData reference,
                     DirectoryConfiguration configuration, Clock clock) {
        this.suppliers = suppliers;
        this.contacts = contacts;
        this.consents = consents;
        this.history = history;
        this.links = links;
        this.records = records;
        this.details = details;
        this.validator = validator;
        this.changes = changes;
        this.mail = mail;
        this.reference = reference;
        this.configuration = configuration;
        this.clock = clock;
    }

    public sealed interface RegistrationResult {
        record Registered(Supplier supplier) implements RegistrationResult { }
        record AlreadyRegistered() implements RegistrationResult { }
        record Invalid(Map<String, String> errors) implements RegistrationResult { }
    }

    /**
     * Registers a structure. A SIRET already registered creates nothing: its contact gets a link to update
     * the profile, and the caller learns nothing about it (no personal data revealed).
     */
    @Transactional
    public RegistrationResult register(SupplierInput input, String actor) {
        return register(input, actor, "registration", null);
    }

    /**
     * A registration from a page of the programming (« retour »): the contact also gets its single-use link, which
     * opens the structure's session and leads back to that page, where it can say « ça me concerne ».
     */
    @Transactional
    public RegistrationResult registerAndReturn(SupplierInput input, String actor, @Nullable String returnPath) {
        return register(input, actor, "registration", returnPath);
    }

    /** A structure from a list the authority already held: its contact is told where the data came from (RGPD art. 14). */
    @Transactional
    public RegistrationResult registerImported(SupplierInput input, String actor) {
        return register(input, actor, "imported", null);
    }

    private RegistrationResult register(SupplierInput input, String actor, String mailTemplate, @Nullable String returnPath) {
        SupplierValidator.Result result = validator.validate(input);
        if (result instanceof SupplierValidator.Result.Invalid invalid) {
            return new RegistrationResult.Invalid(invalid.errors());
        }
        SupplierProfile profile = ((SupplierValidator.Result.Valid) result).profile();
        Optional<Supplier> existing = suppliers.findBySiret(profile.siret().value());
        // a structure whose data were erased may come back by itself, never through someone else's import
        boolean comesBack = existing.isPresent() && existing.get().status() == SupplierStatus.ERASED && !"imported".equals(mailTemplate);
        if (existing.isPresent() && !comesBack) {
            if (existing.get().status() != SupplierStatus.ERASED) {
                sendProfileLink(existing.get(), "already-registered", returnPath);
            }
            LOG.info("registration refused: supplier {} already registered", existing.get().id());
            return new RegistrationResult.AlreadyRegistered();
        }
        Instant now = clock.instant();
        boolean publishNow = configuration.publishesAtOnce();
        SupplierStatus status = publishNow ? SupplierStatus.PUBLISHED : SupplierStatus.PENDING;
        Supplier supplier = comesBack
            ? suppliers.update(existing.get().withProfile(profile.name(), profile.tradeName(), profile.legalForm(), profile.size(),
                profile.kind(), profile.communeCode(), profile.description(), profile.website(), status, true, now))
            : suppliers.save(new Supplier(null, profile.siret().value(), profile.siret().siren(),
                uniqueSlug(profile), profile.name(), profile.tradeName(), profile.legalForm(), profile.size(), profile.kind(),
                profile.kind().impliesEss(), profile.communeCode(), profile.description(), profile.website(),
                status, true, null, now, now, publishNow ? now : null, now, null));
        contacts.save(new SupplierChildren.Contact(supplier.id(), profile.contact().name(), profile.contact().role(),
            profile.contact().email(), profile.contact().phone()));
        grantConsents(supplier.id(), profile.consents(), now);
        details.replace(supplier.id(), profile, List.of());
        records.forEach(held -> held.registered(supplier.id(), profile));
        record(supplier.id(), actor, comesBack ? HistoryAction.REINSCRIPTION : HistoryAction.INSCRIPTION,
            publishNow ? "publiée à l’inscription" : "en attente de validation");
        changes.supplierChanged(supplier.id());
        // « référencée » only once the profile is public: a profile waiting for review is merely registered
        String subject = publishNow ? "Votre structure est référencée sur Vivier" : "Votre inscription sur Vivier est enregistrée";
        mail.queue(profile.contact().email(), subject, mailTemplate, Map.of(
            "contactName", profile.contact().name(),
            "supplierName", supplier.displayName(),
            "published", publishNow,
            "recontact", profile.recontact() != null));
        if (ReturnPath.of(returnPath).isPresent()) {
            sendProfileLink(supplier, "registration", returnPath);
        }
        return new RegistrationResult.Registered(supplier);
    }

    /** The supplier's own update through its emailed link: same rules as registration; the SIRET cannot change. */
    @Transactional
    public RegistrationResult update(long supplierId, SupplierInput input, String actor) {
        Supplier current = suppliers.findById(supplierId).filter(s -> s.status() != SupplierStatus.ERASED)
            .orElseThrow(() -> new IllegalArgumentException("structure introuvable"));
        SupplierValidator.Result result = validator.validate(input);
        if (result instanceof SupplierValidator.Result.Invalid invalid) {
            return new RegistrationResult.Invalid(invalid.errors());
        }
        SupplierProfile profile = ((SupplierValidator.Result.Valid) result).profile();
        if (!profile.siret().value().equals(current.siret())) {
            return new RegistrationResult.Invalid(Map.of("siret", "Le SIRET ne peut pas être modifié : inscrivez le nouvel établissement."));
        }
        Instant now = clock.instant();
        SupplierStatus status = current.status() == SupplierStatus.REJECTED ? SupplierStatus.PENDING : current.status();
        Supplier updated = suppliers.update(current.withProfile(profile.name(), profile.tradeName(), profile.legalForm(),
            profile.size(), profile.kind(), profile.communeCode(), profile.description(), profile.website(), status, true, now));
        contacts.update(new SupplierChildren.Contact(supplierId, profile.contact().name(), profile.contact().role(),
            profile.contact().email(), profile.contact().phone()));
        details.replace(supplierId, profile, details.labels(supplierId));
        syncConsents(supplierId, profile.consents(), now);
        record(supplierId, actor, HistoryAction.MODIFICATION, "profil mis à jour");
        changes.supplierChanged(supplierId);
        return new RegistrationResult.Registered(updated);
    }

    public Optional<Supplier> find(long id) {
        return suppliers.findById(id);
    }

    /** Empty for anything that cannot be a slug (what {@link #slugify} makes), without asking the database. */
    public Optional<Supplier> findBySlug(String slug) {
        if (slug == null || slug.length() > 160 || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return suppliers.findBySlug(slug);
    }

    public Optional<Supplier> findBySiret(String siret) {
        return Siret.parse(siret).flatMap(s -> suppliers.findBySiret(s.value()));
    }

    /** Statuses a profile under review may have: a new registration waits, a published profile was modified. */
    public static final Set<SupplierStatus> UNDER_REVIEW = Set.of(SupplierStatus.PENDING, SupplierStatus.PUBLISHED);

    /** The review queue as a staff filter narrows it, oldest change first. */
    public Page<Supplier> reviewQueue(StaffQueueFilter filter, int size) {
        StaffQueueFilter.SupplierCriteria criteria = filter.supplierCriteria();
        List<String> statuses = filter.statut().isEmpty() ? UNDER_REVIEW.stream().map(Enum::name).toList() : List.of(filter.statut());
        return suppliers.findReviewQueue(statuses, filter.from() == null ? Instant.parse("2000-01-01T00:00:00Z") : filter.from(),
            filter.to() == null ? Instant.parse("9999-01-01T00:00:00Z") : filter.to(), criteria.kinds(), criteria.communeCode(),
            criteria.text(), criteria.namePattern(), criteria.siretPrefix(), Pageable.from(filter.page(), size));
    }

    /** Everything shown on a profile page (the page decides whether the contact may be shown). */
    @Transactional(readOnly = true)
    public SupplierView view(Supplier supplier) {
        return views(List.of(supplier)).get(0);
    }

    /** The views of several suppliers, in their order: one query per table, whatever their number. */
    @Transactional(readOnly = true)
    public List<SupplierView> views(List<Supplier> suppliers) {
        List<Long> ids = suppliers.stream().map(Supplier::id).toList();
        Map<Long, List<String>> sectors = details.sectors(ids);
        Map<Long, List<SupplierChildren.LabelRow>> labels = details.labels(ids);
        Map<Long, List<SupplierChildren.Area>> areas = details.areas(ids);
        Map<Long, List<String>> offers = details.offers(ids);
        Map<Long, List<SupplierProfile.ClientReference>> references = details.references(ids);
        Map<Long, SupplierChildren.Contact> contactsById = new HashMap<>();
        contacts.findBySupplierIdIn(ids).forEach(contact -> contactsById.put(contact.supplierId(), contact));
        Map<Long, Set<ConsentKind>> consentsById = new HashMap<>();
        consents.findBySupplierIdInAndWithdrawnAtIsNull(ids).forEach(consent ->
            consentsById.computeIfAbsent(consent.supplierId(), id -> EnumSet.noneOf(ConsentKind.class)).add(consent.kind()));
        return suppliers.stream().map(supplier -> {
            long id = supplier.id();
            return new SupplierView(supplier, reference.commune(supplier.communeCode()).orElse(null),
                sectors.getOrDefault(id, List.of()), labels.getOrDefault(id, List.of()), areas.getOrDefault(id, List.of()),
                offers.getOrDefault(id, List.of()), references.getOrDefault(id, List.of()), contactsById.get(id),
                consentsById.getOrDefault(id, EnumSet.noneOf(ConsentKind.class)));
        }).toList();
    }

    /** A view in the words of the reference data, as the profile pages show it. */
    public SupplierDetails details(SupplierView view) {
        Map<String, String> sectorNames = reference.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::label));
        Map<String, String> labelNames = reference.labels().stream().collect(Collectors.toMap(Label::code, Label::label));
        LocalDate today = FrenchFormat.today(clock);
        return new SupplierDetails(
            view.commune() == null ? view.supplier().communeCode() : view.commune().displayName(),
            view.supplier().description(),
            view.sectors().stream().map(code -> sectorNames.getOrDefault(code, code)).toList(),
            view.offers(),
            view.labels().stream().map(label -> new SupplierDetails.Label(label.labelCode(),
                labelNames.getOrDefault(label.labelCode(), label.labelCode()), label.proof(), label.verificationState(today),
                label.expiresOnFrench(), FrenchFormat.date(label.verifiedAt()))).toList(),
            view.areas().stream().map(area -> area.areaType().label() + " : " + area.name(reference)).toList(),
            view.references().stream().map(ref -> ref.client() + (ref.year() == null ? "" : " (" + ref.year() + ")") + " — "
                + ref.object()).toList(),
            view.contact());
    }

    public Set<ConsentKind> activeConsents(long supplierId) {
        Set<ConsentKind> active = EnumSet.noneOf(ConsentKind.class);
        consents.findBySupplierIdOrderById(supplierId).stream().filter(SupplierChildren.Consent::active)
            .forEach(consent -> active.add(consent.kind()));
        return active;
    }

    public List<SupplierChildren.Consent> consentHistory(long supplierId) {
        return consents.findBySupplierIdOrderById(supplierId);
    }

    public List<SupplierChildren.HistoryEntry> history(long supplierId) {
        return history.findBySupplierIdOrderByOccurredAtDesc(supplierId);
    }

    @Transactional
    public void withdrawConsent(long supplierId, ConsentKind kind, String actor) {
        if (consents.withdraw(supplierId, kind.name(), clock.instant()) > 0) {
            record(supplierId, actor, HistoryAction.RETRAIT_CONSENTEMENT, kind.name());
            changes.supplierChanged(supplierId);
        }
    }

    @Transactional
    public void changeStatus(long supplierId, SupplierStatus status, @Nullable String reason, String actor) {
        Supplier supplier = suppliers.findById(supplierId).orElseThrow(() -> new IllegalArgumentException("structure introuvable"));
        if (supplier.status() == SupplierStatus.ERASED) {
            return;
        }
        suppliers.update(supplier.withStatus(status, reason, false, clock.instant()));
        record(supplierId, actor, HistoryAction.of(status), reason);
        changes.supplierChanged(supplierId);
        contacts.findById(supplierId).ifPresent(contact -> {
            if (status == SupplierStatus.REJECTED || status == SupplierStatus.PUBLISHED || status == SupplierStatus.SUSPENDED) {
                mail.queue(contact.email(), subjectFor(status), "status-change", Map.of(
                    "contactName", contact.name(), "supplierName", supplier.displayName(), "status", status.name(),
                    "reason", reason == null ? "" : reason, "profilePath", "/fournisseurs/" + supplier.slug()));
            }
        });
    }

    /**
     * Mails the contact a single-use link to its profile (update, data export, consents, erasure). At most one mail
     * per structure every {@link #LINK_MAIL_INTERVAL}, whoever asks (anyone can type a SIRET), and a new link
     * revokes the older ones.
     */
    @Transactional
    public void sendProfileLink(Supplier supplier, String reason) {
        sendProfileLink(supplier, reason, null);
    }

    /** The same, with a link that leads back to a page of the programming once opened (see {@link ReturnPath}). */
    @Transactional
    public void sendProfileLink(Supplier supplier, String reason, @Nullable String returnPath) {
        Optional<SupplierChildren.Contact> contact = contacts.findById(supplier.id());
        if (contact.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (links.existsCreatedSince(supplier.id(), now.minus(LINK_MAIL_INTERVAL))) {
            LOG.info("profile link for supplier {} not sent again: one was mailed less than {} ago", supplier.id(), LINK_MAIL_INTERVAL);
            return;
        }
        links.revokeUnused(supplier.id(), now);
        String secret = SecretTokens.newSecret();
        Instant expiresAt = now.plus(configuration.getLinkValidity());
        links.save(new SupplierChildren.Link(null, supplier.id(), SecretTokens.sha256(secret), expiresAt, null, now));
        String subject = "already-registered".equals(reason) ? "Votre structure est déjà référencée sur Vivier"
            : ReturnPath.of(returnPath).isPresent() ? "Votre lien pour revenir à la programmation des achats"
            : "Votre lien pour mettre à jour votre fiche Vivier";
        mail.queue(contact.get().email(), subject,
            "profile-link", Map.of(
                "contactName", contact.get().name(),
                "supplierName", supplier.displayName(),
                "alreadyRegistered", "already-registered".equals(reason),
                "expiresOn", FrenchFormat.dateTime(expiresAt),
                "returnsToProgramming", ReturnPath.of(returnPath).isPresent(),
                "link", mail.baseUrl() + "/mon-profil/" + secret + ReturnPath.query(returnPath)));
    }

    /** Requested at /mon-profil with SIRET and email: sends the link only when both match, says nothing otherwise. */
    @Transactional
    public void requestProfileLink(String siret, String email) {
        requestProfileLink(siret, email, null);
    }

    /** The same, the link leading back to a page of the programming once opened. */
    @Transactional
    public void requestProfileLink(String siret, String email, @Nullable String returnPath) {
        findBySiret(siret).filter(s -> s.status() != SupplierStatus.ERASED).ifPresent(supplier ->
            contacts.findById(supplier.id()).filter(c -> c.email().equalsIgnoreCase(email == null ? "" : email.strip()))
                .ifPresent(c -> sendProfileLink(supplier, "request", returnPath)));
    }

    /** The supplier a still valid link opens. The link stays usable until it expires (it opens a session). */
    public Optional<Supplier> supplierForLink(String secret) {
        Instant now = clock.instant();
        return links.findByTokenHash(SecretTokens.sha256(secret))
            .filter(link -> link.usedAt() == null && link.expiresAt().isAfter(now))
            .flatMap(link -> suppliers.findById(link.supplierId()))
            .filter(s -> s.status() != SupplierStatus.ERASED);
    }

    /** Uses a link once: returns the supplier id it was for. */
    @Transactional
    public Optional<Long> consumeLink(String secret) {
        Instant now = clock.instant();
        return links.findByTokenHash(SecretTokens.sha256(secret))
            .filter(link -> link.usedAt() == null && link.expiresAt().isAfter(now))
            .filter(link -> links.markUsed(link.id(), now) == 1)
            .map(SupplierChildren.Link::supplierId);
    }

    /**
     * RGPD erasure: the contact person, the mails to it and the consents' personal link go, the profile is unpublished and
     * stripped of free text; the search index follows through the outbox, the other features' records through
     * {@link SupplierRecords}; a history line without personal data stays.
     */
    @Transactional
    public void erase(long supplierId, String actor) {
        Supplier supplier = suppliers.findById(supplierId).orElseThrow(() -> new IllegalArgumentException("structure introuvable"));
        Instant now = clock.instant();
        contacts.findById(supplierId).ifPresent(contact -> mail.forget(contact.email()));
        contacts.deleteById(supplierId);
        consents.findBySupplierIdOrderById(supplierId).stream().filter(SupplierChildren.Consent::active)
            .forEach(consent -> consents.withdraw(supplierId, consent.kind().name(), now));
        details.delete(supplierId);
        records.forEach(held -> held.erase(supplierId));
        suppliers.update(new Supplier(supplier.id(), supplier.siret(), supplier.siren(), supplier.slug(), supplier.name(),
            supplier.tradeName(), supplier.legalForm(), supplier.size(), supplier.kind(), supplier.ess(), supplier.communeCode(),
            "", null, SupplierStatus.ERASED, false, "effacement des données personnelles", supplier.createdAt(), now,
            supplier.publishedAt(), now, supplier.retentionNoticeAt()));
        record(supplierId, actor, HistoryAction.EFFACEMENT, "données personnelles effacées");
        changes.supplierChanged(supplierId);
    }

    /** All the data held about the structure, for its RGPD access request (JSON). */
    @Transactional(readOnly = true)
    public Map<String, Object> exportData(long supplierId) {
        Supplier supplier = suppliers.findById(supplierId).orElseThrow(() -> new IllegalArgumentException("structure introuvable"));
        SupplierView view = view(supplier);
        Map<String, Object> data = new HashMap<>();
        data.put("structure", supplier);
        data.put("contact", view.contact());
        data.put("sectors", view.sectors());
        data.put("labels", view.labels());
        data.put("interventionArea", view.areas());
        data.put("offers", view.offers());
        data.put("references", view.references());
        data.put("consents", consents.findBySupplierIdOrderById(supplierId));
        records.forEach(held -> data.putAll(held.export(supplierId)));
        data.put("history", history.findBySupplierIdOrderByOccurredAtDesc(supplierId));
        data.put("exportedAt", clock.instant());
        return data;
    }

    public void record(long supplierId, String actor, HistoryAction action, @Nullable String detail) {
        history.save(new SupplierChildren.HistoryEntry(null, supplierId, clock.instant(), actor, action.name(),
            detail == null ? null : (detail.length() > 1000 ? detail.substring(0, 1000) : detail)));
    }

    private void grantConsents(long supplierId, Set<ConsentKind> granted, Instant now) {
        for (ConsentKind kind : granted) {
            consents.save(new SupplierChildren.Consent(null, supplierId, kind, kind.version(), kind.text(), now, null));
        }
    }

    private void syncConsents(long supplierId, Set<ConsentKind> wanted, Instant now) {
        Set<ConsentKind> active = activeConsents(supplierId);
        for (ConsentKind kind : ConsentKind.values()) {
            if (wanted.contains(kind) && !active.contains(kind)) {
                grantConsents(supplierId, Set.of(kind), now);
            } else if (!wanted.contains(kind) && active.contains(kind)) {
                consents.withdraw(supplierId, kind.name(), now);
            }
        }
    }

    private String uniqueSlug(SupplierProfile profile) {
        String base = slugify(profile.tradeName() == null ? profile.name() : profile.tradeName());
        String commune = reference.commune(profile.communeCode()).map(c -> slugify(c.name())).orElse("");
        String slug = (base + "-" + commune).replaceAll("-+$", "");
        if (slug.length() > 140) {
            slug = slug.substring(0, 140);
        }
        String candidate = slug;
        for (int i = 2; suppliers.existsBySlug(candidate); i++) {
            candidate = slug + "-" + i;
        }
        return candidate;
    }

    static final Duration LINK_MAIL_INTERVAL = Duration.ofMinutes(15);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static String slugify(String text) {
        String slug = TextFolding.slug(text);
        return slug.isEmpty() ? "structure" : slug;
    }

    private static String subjectFor(SupplierStatus status) {
        return switch (status) {
            case PUBLISHED -> "Votre fiche est publiée sur Vivier";
            case REJECTED -> "Votre inscription sur Vivier n’a pas été validée";
            case SUSPENDED -> "Votre fiche Vivier est suspendue";
            default -> "Votre fiche Vivier";
        };
    }
}
