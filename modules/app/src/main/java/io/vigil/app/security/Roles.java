package io.vigil.app.security;

import io.vigil.core.user.User;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A user's role as Spring Security authorities: each role includes those below it. */
final class Roles {

    private Roles() {}

    static List<GrantedAuthority> authorities(User.Role role) {
        return switch (role) {
            case ADMIN -> list("ROLE_ADMIN", "ROLE_ANALYST", "ROLE_VIEWER");
            case ANALYST -> list("ROLE_ANALYST", "ROLE_VIEWER");
            case VIEWER -> list("ROLE_VIEWER");
        };
    }

    private static List<GrantedAuthority> list(String... names) {
        return java.util.Arrays.stream(names)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }
}
