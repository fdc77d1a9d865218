package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Who looks at the figures: staff see the authority's, or one direction's when they ask; a buyer always sees its own
 * direction's (a buyer without a direction sees none: its scope matches no record).
 */
record Viewer(boolean staff, @Nullable String direction) {
    static final String NO_DIRECTION = "\u0000aucune direction";

    Scope scope(@Nullable String asked) {
        if (staff) {
            return asked == null || asked.isBlank() ? Scope.AUTHORITY : new Scope(asked.strip());
        }
        return new Scope(direction == null || direction.isBlank() ? NO_DIRECTION : direction);
    }

    @Singleton
    static class Finder {
        private final AccountService accounts;

        Finder(AccountService accounts) {
            this.accounts = accounts;
        }

        Viewer of(Authentication authentication) {
            CurrentUser user = CurrentUser.of(authentication);
            return new Viewer(user.isStaff(), accounts.find(user.accountId()).map(account -> account.direction()).orElse(null));
        }
    }
}
