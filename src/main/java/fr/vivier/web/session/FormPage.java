package fr.vivier.web.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a GET route whose page holds a form that posts, shown to visitors who may have no session yet (registration,
 * sign-in, a link's confirmation): the page gets a CSRF token, and so a session, before it is rendered. Other pages
 * give a token only to visitors who already have a session, so that anonymous reading writes nothing. The token must
 * exist before rendering: the template is written after the session filter has saved the session, so a session
 * created while rendering would never be stored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FormPage {
}
