package fr.vivier.directory;

import fr.vivier.testsupport.Sirets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The one way tests make suppliers: through {@link DirectoryService#register} (the real rules, the real database),
 * then published as staff would, each with its own SIRET and contact email so that tests never share data.
 */
public final class TestSuppliers {
    private TestSuppliers() {
    }

    /** What a test can change before registering; every default passes the validator (an ACI of Bondy). */
    public static final class Draft {
        public String siret = newSiret();
        public String name = "Atelier Solidaire de l’Ourcq";
        public String tradeName;
        public String legalForm = "ASSOCIATION";
        public String size = "TPE";
        public String kind = "ACI";
        public String communeCode = "93010";
        public List<SupplierInput.AreaInput> areas = new ArrayList<>(List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93")));
        public List<String> sectors = new ArrayList<>(List.of("espaces-verts-entretien"));
        public List<SupplierInput.LabelInput> labels = new ArrayList<>();
        public String description = "Chantier d’insertion : entretien d’espaces verts.";
        public List<String> offers = new ArrayList<>(List.of("Tonte et débroussaillage"));
        public List<SupplierInput.ReferenceInput> references = new ArrayList<>();
        public String website;
        public String contactName = "Camille Martin";
        public String contactRole = "Coordinatrice";
        public String contactEmail = newEmail();
        public String contactPhone = "01 23 45 67 89";
        public boolean publishContact = true;
        public boolean recontactConsent = true;
        public boolean alerts;
        public String recontactTopic;
        public String recontactMessage = "";

        /** Adds a label; {@code expiresOn} as yyyy-MM-dd or null. */
        public Draft label(String code, String proof, String expiresOn) {
            labels.add(new SupplierInput.LabelInput(code, proof, expiresOn));
            return this;
        }

        /** Adds « je souhaite être recontacté(e) » with this topic. */
        public Draft recontact(String topic) {
            recontactTopic = topic;
            return this;
        }

        public SupplierInput toInput() {
            return new SupplierInput(siret, name, tradeName, legalForm, size, kind, communeCode, areas, sectors, labels,
                description, offers, references, website,
                new SupplierInput.ContactInput(contactName, contactRole, contactEmail, contactPhone),
                new SupplierInput.ConsentsInput(publishContact, recontactConsent, alerts),
                recontactTopic == null ? null : new SupplierInput.RecontactInput(recontactTopic, recontactMessage));
        }

        /** Registers the draft: the supplier waits for moderation. */
        public Supplier register(DirectoryService directory) {
            DirectoryService.RegistrationResult result = directory.register(toInput(), DirectoryService.ACTOR_SUPPLIER);
            if (result instanceof DirectoryService.RegistrationResult.Registered registered) {
                return registered.supplier();
            }
            throw new AssertionError("inscription de test refusée : " + result);
        }

        /** Registers the draft and publishes it as staff would; the supplier as stored after publication. */
        public Supplier publish(DirectoryService directory) {
            Supplier registered = register(directory);
            directory.changeStatus(registered.id(), SupplierStatus.PUBLISHED, null, "test");
            return directory.find(registered.id()).orElseThrow();
        }
    }

    public static Draft draft(Consumer<Draft> customiser) {
        Draft draft = new Draft();
        customiser.accept(draft);
        return draft;
    }

    public static Supplier register(DirectoryService directory) {
        return new Draft().register(directory);
    }

    public static Supplier register(DirectoryService directory, Consumer<Draft> customiser) {
        return draft(customiser).register(directory);
    }

    public static Supplier publish(DirectoryService directory) {
        return new Draft().publish(directory);
    }

    public static Supplier publish(DirectoryService directory, Consumer<Draft> customiser) {
        return draft(customiser).publish(directory);
    }

    /** A valid SIRET never used before (Luhn, random SIREN). */
    public static String newSiret() {
        return Sirets.next();
    }

    /** Another establishment (valid SIRET, random NIC) of the given SIREN. */
    public static String newSiret(String siren) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String nic = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
            for (int check = 0; check < 10; check++) {
                String candidate = siren + nic + check;
                if (Siret.parse(candidate).isPresent()) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("aucun SIRET trouvé pour le SIREN " + siren);
    }

    public static String newEmail() {
        return "structure-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
    }
}
