package fr.vivier.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One line of the security journal. Never holds a password, a token or a session id. */
@MappedEntity("security_event")
public record SecurityEvent(
    @Id @GeneratedValue @Nullable Long id,
    Instant occurredAt,
    String kind,
    @Nullable Long accountId,
    @Nullable Long actorId,
    @Nullable String ip,
    @Nullable String detail) {

    public static final String SIGN_IN_SUCCESS = "SIGN_IN_SUCCESS";
    public static final String SIGN_IN_FAILURE = "SIGN_IN_FAILURE";
    public static final String SIGN_IN_THROTTLED = "SIGN_IN_THROTTLED";
    public static final String SIGN_OUT = "SIGN_OUT";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String INVITATION_SENT = "INVITATION_SENT";
    public static final String PASSWORD_SET = "PASSWORD_SET";
    public static final String PASSWORD_RESET_SENT = "PASSWORD_RESET_SENT";
    public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
    public static final String ACCOUNT_ENABLED = "ACCOUNT_ENABLED";
    public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";
    public static final String CONTACT_EXPORT = "CONTACT_EXPORT";
}
