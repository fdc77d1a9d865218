package fr.vivier.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator from VIVIER_ADMIN_EMAIL / VIVIER_ADMIN_PASSWORD when no account has that
 * email. An existing account is never modified from configuration.
 */
@Singleton
class FirstAdministrator {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    private final AccountService accounts;
    private final String email;
    private final String password;

    FirstAdministrator(AccountService accounts, @Value("${vivier.admin.email:}") String email,
                       @Value("${vivier.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (email.isBlank()) {
            return;
        }
        var problem = accounts.passwordProblem(password, email);
        if (problem.isPresent()) {
            LOG.error("VIVIER_ADMIN_PASSWORD refusé, administrateur non créé : {}", problem.get());
            return;
        }
        accounts.createWithPasswordIfAbsent(email, "Administrateur", Role.ADMIN, null, password)
            .ifPresent(account -> LOG.info("first administrator created (account {})", account.id()));
    }
}
