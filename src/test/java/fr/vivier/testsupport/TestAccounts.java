package fr.vivier.testsupport;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;

import java.util.UUID;

/** Accounts made by each test for itself, with unique emails, so tests never depend on each other. */
public final class TestAccounts {
    public static final String PASSWORD = "Une phrase de passe assez longue 42";

    private TestAccounts() {
    }

    public static String create(AccountService accounts, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        accounts.createWithPasswordIfAbsent(email, "Test " + role.label(), role, role == Role.BUYER ? "Direction des sports" : null, PASSWORD);
        return email;
    }

    /** A buyer of the given direction, under the given name. */
    public static String buyer(AccountService accounts, String displayName, String direction) {
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        accounts.createWithPasswordIfAbsent(email, displayName, Role.BUYER, direction, PASSWORD);
        return email;
    }
}
