package fr.vivier.directory.space;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryConfiguration;
import fr.vivier.directory.DirectoryRepositories;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.HistoryAction;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierProfile;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierView;
import fr.vivier.directory.registration.RegistrationForm;
import fr.vivier.mail.MailService;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.SecretTokens;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The structure's own space, opened by its emailed link: activity, retention notices, the edit form and the data export. */
@Singleton
class SupplierSpaceService {
    static final String ACTOR_RETENTION = "conservation automatique";

    private final DirectoryService directory;
    private final DirectoryRepositories.Suppliers suppliers;
    private final DirectoryRepositories.Contacts contacts;
    private final DirectoryRepositories.Links links;
    private final MailService mail;
    private final ReferenceData reference;
    private final DirectoryConfiguration configuration;
    private final Clock clock;

    SupplierSpaceService(DirectoryService directory, DirectoryRepositories.Suppliers suppliers, DirectoryRepositories.Contacts contacts,
                         DirectoryRepositories.Links links, MailService mail, ReferenceData reference, DirectoryConfiguration configuration,
                         Clock clock) {
        this.directory = directory;
        this.suppliers = suppliers;
        this.contacts = contacts;
        this.links = links;
        this.mail = mail;
        this.reference = reference;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Uses a profile link once. Opening it is the structure's sign of life: it restarts the retention period
     * and cancels a pending erasure notice.
     */
    @Transactional
    public Optional<Long> openLink(String secret) {
        Optional<Long> supplierId = directory.consumeLink(secret)
            .filter(id -> directory.find(id).filter(s -> s.status() != SupplierStatus.ERASED).isPresent());
        supplierId.ifPresent(this::recordActivity);
        return supplierId;
    }

    /** Asks the contact whether to keep the profile; its link stays valid until the erasure date. */
    @Transactional
    public void sendRetentionNotice(Supplier supplier) {
        Instant now = clock.instant();
        Instant erasureFrom = now.plus(configuration.getRetentionGrace());
        contacts.findById(supplier.id()).ifPresent(contact -> {
            String secret = SecretTokens.newSecret();
            links.save(new SupplierChildren.Link(null, supplier.id(), SecretTokens.sha256(secret), erasureFrom, null, now));
            mail.queue(contact.email(), "Souhaitez-vous garder votre fiche sur Vivier ?", "retention-notice", Map.of(
                "contactName", contact.name(),
                "supplierName", supplier.displayName(),
                "lastActivityOn", FrenchFormat.date(supplier.lastActivityAt()),
                "erasureOn", FrenchFormat.date(erasureFrom),
                "link", mail.baseUrl() + "/mon-profil/" + secret));
        });
        suppliers.recordRetentionNotice(supplier.id(), now);
        directory.record(supplier.id(), ACTOR_RETENTION, HistoryAction.AVIS_CONSERVATION, "courriel demandant de confirmer la conservation de la fiche");
    }

    /** The registration form filled in with the current profile, for the edit page. */
    public RegistrationForm formFor(SupplierView view) {
        Supplier supplier = view.supplier();
        AreaFields area = new AreaFields(supplier.communeCode(), view.commune());
        view.areas().forEach(area::add);
        List<String> labelCodes = new ArrayList<>();
        List<String> labelProofs = new ArrayList<>();
        List<String> labelExpiries = new ArrayList<>();
        for (SupplierChildren.LabelRow label : view.labels()) {
            labelCodes.add(label.labelCode());
            labelProofs.add(orEmpty(label.proof()));
            labelExpiries.add(label.expiresOn() == null ? "" : label.expiresOn().toString());
        }
        List<String> clients = new ArrayList<>();
        List<String> years = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (SupplierProfile.ClientReference reference : view.references()) {
            clients.add(reference.client());
            years.add(reference.year() == null ? "" : reference.year().toString());
            objects.add(reference.object());
        }
        SupplierChildren.Contact contact = view.contact();
        return new RegistrationForm(supplier.siret(), supplier.name(), supplier.tradeName(), supplier.legalForm().name(),
            supplier.size().name(), supplier.kind().name(), communeQuery(supplier.communeCode(), view.commune()), null,
            box(area.ownCommune), box(area.ownEpci), box(area.ownDepartement), box(area.national), area.regions, area.departements,
            String.join(", ", area.others), view.sectors(), labelCodes, labelProofs, labelExpiries, supplier.description(),
            String.join("\n", view.offers()), clients, years, objects, supplier.website(),
            contact == null ? null : contact.name(), contact == null ? null : contact.role(),
            contact == null ? null : contact.email(), contact == null ? null : contact.phone(),
            box(view.consents().contains(ConsentKind.PUBLISH_CONTACT)), box(view.consents().contains(ConsentKind.RECONTACT)),
            box(view.consents().contains(ConsentKind.ALERTS)), null, null, null, null, null);
    }

    /** Everything held about the structure, as plain JSON values (the RGPD access right). */
    public Map<String, Object> exportData(long supplierId) {
        Map<String, Object> data = new TreeMap<>();
        directory.exportData(supplierId).forEach((key, value) -> data.put(key, plain(value)));
        return data;
    }

    private void recordActivity(long supplierId) {
        suppliers.recordActivity(supplierId, clock.instant());
    }

    /**
     * The commune as the person would type it: its name; « Nom (département) » when the name alone is ambiguous; its
     * INSEE code when even that is.
     */
    private String communeQuery(String communeCode, @Nullable Commune commune) {
        if (commune == null) {
            return communeCode;
        }
        for (String typed : List.of(commune.name(), commune.displayName())) {
            Commune understood = reference.resolveCommune(null, typed, RegistrationForm.COMMUNE_MISSING).commune();
            if (understood != null && understood.code().equals(commune.code())) {
                return typed;
            }
        }
        return commune.code();
    }

    private static @Nullable String box(boolean checked) {
        return checked ? "on" : null;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** Records become objects, enums their name, dates ISO-8601 text: nothing depends on the entities being serialisable. */
    static @Nullable Object plain(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            map.forEach((key, item) -> result.put(String.valueOf(key), plain(item)));
            return result;
        }
        if (value instanceof Collection<?> items) {
            List<Object> result = new ArrayList<>();
            items.forEach(item -> result.add(plain(item)));
            return result;
        }
        if (value instanceof Record record) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                result.put(component.getName(), plain(read(component, record)));
            }
            return result;
        }
        return value.toString();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("export impossible : " + component.getName(), e);
        }
    }

    /** The intervention area spread over the form's boxes, lists and free codes. */
    private static final class AreaFields {
        private final String communeCode;
        private final @Nullable String epciCode;
        private final @Nullable String departementCode;
        boolean national;
        boolean ownCommune;
        boolean ownEpci;
        boolean ownDepartement;
        final List<String> regions = new ArrayList<>();
        final List<String> departements = new ArrayList<>();
        final List<String> others = new ArrayList<>();

        AreaFields(String communeCode, @Nullable Commune commune) {
            this.communeCode = communeCode;
            this.epciCode = commune == null ? null : commune.eptCode() != null ? commune.eptCode() : commune.epciCode();
            this.departementCode = commune == null ? null : commune.departementCode();
        }

        void add(SupplierChildren.Area area) {
            String code = area.areaCode();
            switch (area.areaType()) {
                case NATIONAL -> national = true;
                case COMMUNE -> {
                    if (code.equals(communeCode)) ownCommune = true; else others.add(code);
                }
                case EPCI -> {
                    if (code.equals(epciCode)) ownEpci = true; else others.add(code);
                }
                case DEPARTEMENT -> {
                    if (code.equals(departementCode)) ownDepartement = true; else departements.add(code);
                }
                case REGION -> regions.add(code);
            }
        }
    }
}
