package fr.vivier.accounts;

import fr.vivier.web.CurrentUser;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Reads the signed-in account from the session (attribute {@value #ACCOUNT_ATTRIBUTE}) and checks on every
 * request that it is still enabled, so that disabling an account takes effect at once.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String ACCOUNT_ATTRIBUTE = "accountId";

    private final AccountService accounts;
    private final Scheduler blocking;

    SessionAuthenticationFetcher(AccountService accounts, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.accounts = accounts;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<Long> accountId = SessionForRequest.find(request)
            .flatMap((Session session) -> session.get(ACCOUNT_ATTRIBUTE, Long.class));
        if (accountId.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> accounts.findEnabled(accountId.get()).map(SessionAuthenticationFetcher::toAuthentication).orElse(null))
            .subscribeOn(blocking);
    }

    private static Authentication toAuthentication(Account account) {
        return Authentication.build(account.email(), List.of(account.role().name()), Map.of(
            CurrentUser.ACCOUNT_ID, account.id(),
            CurrentUser.DISPLAY_NAME, account.displayName()));
    }
}
