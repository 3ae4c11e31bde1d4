package dev.rowguard.hibernate.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.AuthDefault;
import dev.rowguard.policy.internal.bind.AuthMember;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Fills {@code @AuthDefault} fields that are still null from the principal, before the
 * create rule is checked.
 */
final class AuthDefaults {

    private final java.util.Set<String> authAttributes;

    private final Map<Class<?>, List<Default>> defaultsByType = new ConcurrentHashMap<>();

    AuthDefaults(java.util.Set<String> authAttributes) {
        this.authAttributes = authAttributes;
    }

    void apply(Object entity, Object[] state, EntityPersister persister, @Nullable AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        fill(entity, state, persister, principal, session, true);
    }

    /**
     * The defaults in a copy of the entity's state only: the row it would be inserted as,
     * the entity untouched.
     */
    Object[] previewed(Object entity, EntityPersister persister, @Nullable AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        Object[] state = persister.getValues(entity).clone();
        fill(entity, state, persister, principal, session, false);
        return state;
    }

    private void fill(Object entity, Object[] state, EntityPersister persister, @Nullable AuthPrincipal principal,
            SharedSessionContractImplementor session, boolean onEntity) {
        if (principal == null) {
            return;
        }
        for (Default annotated : defaultsOf(entity.getClass())) {
            int index = persister.getPropertyIndex(annotated.property());
            if (state[index] != null) {
                continue;
            }
            AuthMember authMember = AuthMember.resolve(annotated.member(), authAttributes);
            if (authMember == null) {
                throw new IllegalStateException("@AuthDefault(\"" + annotated.member() + "\") on " + annotated.where()
                        + " names no auth() member; known: " + AuthMember.known(authAttributes));
            }
            Object value = convert(authMember.valueOf(principal), annotated.type(), session);
            if (value != null) {
                state[index] = value;
                if (onEntity) {
                    persister.setValue(entity, index, value);
                }
            }
        }
    }

    /** The same, on a new entity's attributes before Hibernate has taken its state. */
    void applyToEntity(Object entity, EntityPersister persister, @Nullable AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        Object[] state = persister.getValues(entity);
        apply(entity, state, persister, principal, session);
    }

    private static @Nullable Object convert(@Nullable Object value, Class<?> type,
            SharedSessionContractImplementor session) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        String text = value.toString();
        if (type == Long.class || type == long.class) {
            return Long.valueOf(text);
        }
        if (type == Integer.class || type == int.class) {
            return Integer.valueOf(text);
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        if (type == String.class) {
            return text;
        }
        if (session.getFactory().getMappingMetamodel().findEntityDescriptor(type) != null) {
            return ((org.hibernate.Session) session).getReference(type,
                    convertId(text,
                            session.getFactory()
                                .getMappingMetamodel()
                                .findEntityDescriptor(type)
                                .getIdentifierMapping()
                                .getJavaType()
                                .getJavaTypeClass()));
        }
        throw new IllegalStateException("@AuthDefault cannot fill a field of type " + type.getName());
    }

    private static Object convertId(String text, Class<?> idType) {
        if (idType == Long.class) {
            return Long.valueOf(text);
        }
        if (idType == Integer.class) {
            return Integer.valueOf(text);
        }
        if (idType == UUID.class) {
            return UUID.fromString(text);
        }
        return text;
    }

    /**
     * The attributes annotated with {@code @AuthDefault}: on a field, or on a getter (an
     * entity with property access, whose fields may be named otherwise).
     */
    private List<Default> defaultsOf(Class<?> type) {
        return defaultsByType.computeIfAbsent(type, key -> {
            List<Default> defaults = new ArrayList<>();
            for (Class<?> current = key; current != null
                    && current != Object.class; current = current.getSuperclass()) {
                for (Field field : current.getDeclaredFields()) {
                    AuthDefault annotation = field.getAnnotation(AuthDefault.class);
                    if (annotation != null) {
                        defaults.add(new Default(field.getName(), field.getType(), annotation.value(),
                                current.getSimpleName() + "." + field.getName()));
                    }
                }
                for (Method method : current.getDeclaredMethods()) {
                    AuthDefault annotation = method.getAnnotation(AuthDefault.class);
                    String property = propertyOf(method);
                    if (annotation != null && property != null) {
                        defaults.add(new Default(property, method.getReturnType(), annotation.value(),
                                current.getSimpleName() + "." + method.getName() + "()"));
                    }
                }
            }
            return defaults;
        });
    }

    private static @Nullable String propertyOf(Method getter) {
        String name = getter.getName();
        if (getter.getParameterCount() != 0) {
            return null;
        }
        String bare = name.startsWith("get") ? name.substring(3)
                : name.startsWith("is") && getter.getReturnType() == boolean.class ? name.substring(2) : "";
        return bare.isEmpty() ? null : StringUtils.uncapitalizeAsProperty(bare);
    }

    private record Default(String property, Class<?> type, String member, String where) {
    }

}
