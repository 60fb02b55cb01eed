package io.vigil.app;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code vigil.app.roles} (default: all roles) contains the annotated role. */
class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes =
                metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        if (attributes == null) {
            return true;
        }
        AppSettings.Role role = (AppSettings.Role) attributes.get("value");
        Set<AppSettings.Role> roles =
                Binder.get(context.getEnvironment())
                        .bind("vigil.app.roles", Bindable.setOf(AppSettings.Role.class))
                        .orElse(Set.of());
        return new AppSettings(roles).runs(role);
    }
}
