package fr.vivier.accounts;

/** Who someone is for the portal. Suppliers reach their profile through emailed links, never a password. */
public enum Role {
    SUPPLIER("Fournisseur"),
    BUYER("Acheteur"),
    STAFF("Agent (commande publique, développement économique)"),
    ADMIN("Administrateur");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The roles that sign in with a password and can be invited. */
    public static Role[] invitable() {
        return new Role[] {BUYER, STAFF, ADMIN};
    }

    public static boolean isInvitable(Role role) {
        return role == BUYER || role == STAFF || role == ADMIN;
    }
}
