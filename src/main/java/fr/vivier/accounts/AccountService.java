package fr.vivier.accounts;

import fr.vivier.mail.MailService;
import fr.vivier.shared.SecretTokens;
import fr.vivier.web.FrenchFormat;
import fr.vivier.web.session.PostgresSessionStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sign-in, invitations, passwords and account status for buyers, staff and administrators. */
@Singleton
public class AccountService {
    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SecurityAudit audit;
    private final MailService mail;
    private final Duration invitationValidity;
    private final Clock clock;
    private final PostgresSessionStore sessions;

    AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordHasher hasher,
                   PasswordPolicy policy, LoginThrottle throttle, SecurityAudit audit, MailService mail,
                   PostgresSessionStore sessions,
                   @Value("${vivier.accounts.invitation-validity:72h}") Duration invitationValidity, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.mail = mail;
        this.invitationValidity = invitationValidity;
        this.clock = clock;
    }

    public sealed interface SignInResult {
        /** {@code deviceToken}: what the browser keeps to be recognised at its next sign-in. */
        record SignedIn(Account account, String deviceToken) implements SignInResult { }
        record Refused() implements SignInResult { }
        record Throttled() implements SignInResult { }
    }

    /** Same answer, and about the same time, whether the account exists or not. */
    @Transactional
    public SignInResult signIn(String email, String password, String ip, @Nullable String deviceToken) {
        LoginThrottle.Attempt attempt = throttle.attempt(email, ip, deviceToken);
        if (throttle.isBlocked(attempt)) {
            audit.record(SecurityEvent.SIGN_IN_THROTTLED, null, null, ip, null);
            return new SignInResult.Throttled();
        }
        Optional<Account> account = accounts.findByEmail(email.strip());
        if (account.isEmpty() || !account.get().canSignIn()) {
            hasher.burnTime(password);
            throttle.recordFailure(attempt);
            audit.record(SecurityEvent.SIGN_IN_FAILURE, account.map(Account::id).orElse(null), null, ip,
                account.isEmpty() ? "compte inconnu" : "compte désactivé ou sans mot de passe");
            return new SignInResult.Refused();
        }
        if (!hasher.matches(password, account.get().passwordHash())) {
            throttle.recordFailure(attempt);
            audit.record(SecurityEvent.SIGN_IN_FAILURE, account.get().id(), null, ip, "mot de passe erroné");
            return new SignInResult.Refused();
        }
        String device = throttle.recordSuccess(attempt);
        audit.record(SecurityEvent.SIGN_IN_SUCCESS, account.get().id(), null, ip, null);
        return new SignInResult.SignedIn(account.get(), device);
    }

    public void signedOut(long accountId, String ip) {
        audit.record(SecurityEvent.SIGN_OUT, accountId, null, ip, null);
    }

    public Optional<Account> findEnabled(long accountId) {
        return accounts.findById(accountId).filter(Account::enabled);
    }

    /** The accounts of this role that can sign in, by name (e.g. the buyers a recontact request can be given to). */
    public java.util.List<Account> enabledOfRole(Role role) {
        return accounts.findEnabledOfRole(role.name());
    }

    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(email);
    }

    public Page<Account> list(int page, int size) {
        return accounts.findAll(Pageable.from(page, size, Sort.of(Sort.Order.asc("email"))));
    }

    /** Creates the account (without password) and mails a single-use link to choose one. Only invitable roles. */
    @Transactional
    public Account invite(String email, String displayName, Role role, @Nullable String direction, Account invitedBy, String ip) {
        if (!Role.isInvitable(role)) {
            throw new IllegalArgumentException("rôle non invitable : " + role);
        }
        Instant now = clock.instant();
        Account account = accounts.save(new Account(null, email.strip().toLowerCase(Locale.ROOT), displayName.strip(), role,
            direction == null || direction.isBlank() ? null : direction.strip(), null, true, now, now));
        String link = newPasswordLink(account, now);
        mail.queue(account.email(), "Votre invitation sur Vivier", "invitation", Map.of(
            "displayName", account.displayName(),
            "invitedBy", invitedBy.displayName(),
            "roleLabel", role.label().toLowerCase(Locale.FRENCH),
            "expiresOn", FrenchFormat.dateTime(now.plus(invitationValidity)),
            "link", link));
        audit.record(SecurityEvent.INVITATION_SENT, account.id(), invitedBy.id(), ip, "rôle " + role.name());
        return account;
    }

    /**
     * For someone who forgot their password: an administrator has a single-use link mailed to the account's own
     * address (never shown to the administrator). Earlier links stop working; the current password stays valid
     * until a new one is chosen.
     */
    @Transactional
    public boolean sendPasswordReset(long accountId, Account resetBy, String ip) {
        Optional<Account> account = accounts.findById(accountId).filter(Account::enabled);
        if (account.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        String link = newPasswordLink(account.get(), now);
        mail.queue(account.get().email(), "Choisir un nouveau mot de passe sur Vivier", "password-reset", Map.of(
            "displayName", account.get().displayName(),
            "resetBy", resetBy.displayName(),
            "expiresOn", FrenchFormat.dateTime(now.plus(invitationValidity)),
            "link", link));
        audit.record(SecurityEvent.PASSWORD_RESET_SENT, accountId, resetBy.id(), ip, null);
        return true;
    }

    private String newPasswordLink(Account account, Instant now) {
        tokens.revokeAllOf(account.id(), now);
        String secret = SecretTokens.newSecret();
        tokens.save(new AccountToken(null, account.id(), SecretTokens.sha256(secret), AccountToken.SET_PASSWORD,
            now.plus(invitationValidity), null, now));
        return mail.baseUrl() + "/invitation/" + secret;
    }

    public Optional<Account> find(long accountId) {
        return accounts.findById(accountId);
    }

    /** The account a still valid link belongs to. */
    public Optional<Account> accountForLink(String secret) {
        return tokens.findByTokenHash(SecretTokens.sha256(secret))
            .filter(token -> token.usableAt(clock.instant()))
            .flatMap(token -> accounts.findById(token.accountId()))
            .filter(Account::enabled);
    }

    public Optional<String> passwordProblem(String password, String email) {
        return policy.problemWith(password, email);
    }

    /** Uses the link once; false when it is unknown, expired, already used or the password is refused. */
    @Transactional
    public boolean setPasswordWithLink(String secret, String password, String ip) {
        Instant now = clock.instant();
        Optional<AccountToken> token = tokens.findByTokenHash(SecretTokens.sha256(secret)).filter(t -> t.usableAt(now));
        if (token.isEmpty()) {
            return false;
        }
        Optional<Account> account = accounts.findById(token.get().accountId()).filter(Account::enabled);
        if (account.isEmpty() || policy.problemWith(password, account.get().email()).isPresent()
            || tokens.markUsed(token.get().id(), now) == 0) {
            return false;
        }
        accounts.update(account.get().withPasswordHash(hasher.hash(password), now));
        audit.record(SecurityEvent.PASSWORD_SET, account.get().id(), null, ip, null);
        return true;
    }

    @Transactional
    public void setEnabled(long accountId, boolean enabled, Account actor, String ip) {
        accounts.findById(accountId).ifPresent(account -> {
            Instant now = clock.instant();
            accounts.update(account.withEnabled(enabled, now));
            if (!enabled) {
                tokens.revokeAllOf(accountId, now);
                sessions.deleteAllOfAccount(accountId);
            }
            audit.record(enabled ? SecurityEvent.ACCOUNT_ENABLED : SecurityEvent.ACCOUNT_DISABLED, accountId, actor.id(), ip, null);
        });
    }

    /** For the first administrator (configuration) and demo accounts: created once, never overwritten. */
    @Transactional
    public Optional<Account> createWithPasswordIfAbsent(String email, String displayName, Role role,
                                                        @Nullable String direction, String password) {
        if (accounts.findByEmail(email).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Account account = accounts.save(new Account(null, email.strip().toLowerCase(Locale.ROOT), displayName, role,
            direction, hasher.hash(password), true, now, now));
        audit.record(SecurityEvent.ACCOUNT_CREATED, account.id(), null, null, "rôle " + role.name());
        return Optional.of(account);
    }
}
