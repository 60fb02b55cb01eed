package io.vigil.core.build;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a class or method from the forbiddenapis check. Say why in {@link #reason()}: the
 * exemption is for APIs the bundled signatures flag although they are supported, such as the JDK's
 * exported {@code com.sun.net.httpserver} (module jdk.httpserver).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {
    String reason();
}
