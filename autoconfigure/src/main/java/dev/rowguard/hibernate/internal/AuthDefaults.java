package dev.rowguard.hibernate.internal;

import java.lang.reflect.Field;
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

/**
 * Fills {@code @AuthDefault} fields that are still null from the principal, before the
 * create rule is checked.
 */
final class AuthDefaults {

    private final java.util.Set<String> authAttributes;

    private final Map<Class<?>, List<Field>> fieldsByType = new ConcurrentHashMap<>();

    AuthDefaults(java.util.Set<String> authAttributes) {
        this.authAttributes = authAttributes;
    }

    void apply(Object entity, Object[] state, EntityPersister persister, AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        fill(entity, state, persister, principal, session, true);
    }

    /**
     * The defaults in a copy of the entity's state only: the row it would be inserted as,
     * the entity untouched.
     */
    Object[] previewed(Object entity, EntityPersister persister, AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        Object[] state = persister.getValues(entity).clone();
        fill(entity, state, persister, principal, session, false);
        return state;
    }

    private void fill(Object entity, Object[] state, EntityPersister persister, AuthPrincipal principal,
            SharedSessionContractImplementor session, boolean onEntity) {
        if (principal == null) {
            return;
        }
        for (Field field : fieldsOf(entity.getClass())) {
            int index = persister.getPropertyIndex(field.getName());
            if (state[index] != null) {
                continue;
            }
            String member = field.getAnnotation(AuthDefault.class).value();
            AuthMember authMember = AuthMember.resolve(member, authAttributes);
            if (authMember == null) {
                throw new IllegalStateException("@AuthDefault(\"" + member + "\") on "
                        + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                        + " names no auth() member; known: " + AuthMember.known(authAttributes));
            }
            Object value = convert(authMember.valueOf(principal), field.getType(), session);
            if (value != null) {
                state[index] = value;
                if (onEntity) {
                    persister.setValue(entity, index, value);
                }
            }
        }
    }

    /** The same, on a new entity's attributes before Hibernate has taken its state. */
    void applyToEntity(Object entity, EntityPersister persister, AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        Object[] state = persister.getValues(entity);
        apply(entity, state, persister, principal, session);
    }

    private static Object convert(Object value, Class<?> type, SharedSessionContractImplementor session) {
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

    private List<Field> fieldsOf(Class<?> type) {
        return fieldsByType.computeIfAbsent(type, key -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> current = key; current != null
                    && current != Object.class; current = current.getSuperclass()) {
                for (Field field : current.getDeclaredFields()) {
                    if (field.isAnnotationPresent(AuthDefault.class)) {
                        fields.add(field);
                    }
                }
            }
            return fields;
        });
    }

}
