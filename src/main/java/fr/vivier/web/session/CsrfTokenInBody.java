package fr.vivier.web.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a multipart (file upload) route: the CSRF token comes as the form field {@value CsrfTokens#FIELD} of the body,
 * which {@link CsrfFilter} cannot read without consuming the upload, and the route checks it itself with
 * {@link CsrfTokens#matches}. Keeps the token out of the URL (logs, Referer).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CsrfTokenInBody {
}
