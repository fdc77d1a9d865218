package fr.vivier.web;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;

/** What the pages need to know about the signed-in person. */
public record CurrentUser(long accountId, String displayName, Collection<String> roles) {
    public static final String ACCOUNT_ID = "accountId";
    public static final String DISPLAY_NAME = "displayName";

    public static CurrentUser of(Authentication authentication) {
        Object id = authentication.getAttributes().get(ACCOUNT_ID);
        Object name = authentication.getAttributes().get(DISPLAY_NAME);
        return new CurrentUser(id instanceof Number n ? n.longValue() : -1L,
            name == null ? authentication.getName() : name.toString(), authentication.getRoles());
    }

    public boolean isBuyer() { return roles.contains("BUYER"); }
    public boolean isStaff() { return roles.contains("STAFF") || isAdmin(); }
    public boolean isAdmin() { return roles.contains("ADMIN"); }
}
