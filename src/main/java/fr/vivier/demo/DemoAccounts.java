package fr.vivier.demo;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Demo data (VIVIER_DEMO_DATA=true): one buyer and one staff member; created once, idempotent. */
@Singleton
@Requires(property = "vivier.demo-data", value = "true")
class DemoAccounts {
    static final String PASSWORD = "Vivier-demo-2026";
    static final String BUYER_EMAIL = "acheteur@vivier.example";
    private final AccountService accounts;

    DemoAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        accounts.createWithPasswordIfAbsent(BUYER_EMAIL, "Camille Acheteuse (démo)", Role.BUYER,
            "Direction des espaces verts", PASSWORD);
        accounts.createWithPasswordIfAbsent("agent@vivier.example", "Dominique Agent (démo)", Role.STAFF,
            "Direction du développement économique", PASSWORD);
    }
}
