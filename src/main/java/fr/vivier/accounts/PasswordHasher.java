package fr.vivier.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/** Argon2id with the OWASP minimum parameters (19 MiB, 2 iterations, 1 lane). */
@Singleton
class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked when the account is unknown, so that the answer takes as long as for a real account. */
    private static final String DUMMY_HASH = Password.hash("vivier-dummy-password").addRandomSalt(16).with(ARGON2ID).getResult();

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    void burnTime(String password) {
        matches(password, DUMMY_HASH);
    }
}
