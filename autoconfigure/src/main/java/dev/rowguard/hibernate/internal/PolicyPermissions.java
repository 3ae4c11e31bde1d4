package dev.rowguard.hibernate.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PermissionPlan;
import dev.rowguard.policy.Permissions;
import dev.rowguard.policy.internal.sql.ResidualText;
import dev.rowguard.policy.internal.sql.SqlCondition;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.Hibernate;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * {@link Permissions} over one persistence unit, deciding with the enforcement's own
 * rules and code: {@code check} folds the caller's rule as the read filters do,
 * {@code can} evaluates it on a row as the write checks do. It works in the caller's
 * transaction when there is one, else in a short session of its own.
 */
public final class PolicyPermissions implements Permissions {

    private static final Set<Operation> ASKABLE = EnumSet.of(Operation.CREATE, Operation.READ, Operation.UPDATE,
            Operation.DELETE);

    private final EntityManagerFactory entityManagerFactory;

    public PolicyPermissions(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public PermissionPlan check(Class<?> entityType, Operation operation) {
        askable(operation);
        PolicyRuntime runtime = runtime();
        String entity = entityName(runtime, persister(entityType));
        Caller caller = CallerContext.current();
        if (caller.system()) {
            return new PermissionPlan(PermissionPlan.Kind.ALWAYS, "true");
        }
        var rule = runtime.policies().rule(entity, operation);
        SqlCondition folded = runtime.compiler().compile(rule, caller.principal(), null, StoredRows.ALIAS, null);
        if (folded.alwaysTrue()) {
            return new PermissionPlan(PermissionPlan.Kind.ALWAYS, "true");
        }
        if (folded.alwaysFalse()) {
            return new PermissionPlan(PermissionPlan.Kind.NEVER, "false");
        }
        return new PermissionPlan(PermissionPlan.Kind.DEPENDS,
                ResidualText.of(rule, caller.principal(), runtime.policies()));
    }

    @Override
    public boolean can(Operation operation, Object entity) {
        askable(operation);
        Caller caller = CallerContext.current();
        if (caller.system()) {
            return true;
        }
        return inSession(session -> decide(operation, entity, caller.principal(), session));
    }

    @Override
    public Set<Operation> allowed(Object entity) {
        Caller caller = CallerContext.current();
        if (caller.system()) {
            return EnumSet.of(Operation.READ, Operation.UPDATE, Operation.DELETE);
        }
        return inSession(session -> {
            Set<Operation> allowed = EnumSet.noneOf(Operation.class);
            for (Operation operation : new Operation[] { Operation.READ, Operation.UPDATE, Operation.DELETE }) {
                if (decide(operation, entity, caller.principal(), session)) {
                    allowed.add(operation);
                }
                else if (operation == Operation.READ) {
                    break;
                }
            }
            return allowed;
        });
    }

    @Override
    public Set<String> readableFields(Object entity) {
        return fields(entity, Operation.READ);
    }

    @Override
    public Set<String> updatableFields(Object entity) {
        return fields(entity, Operation.UPDATE);
    }

    /**
     * The attributes the caller may read or change: none without the row's permission,
     * else all but the fields whose own rule for the operation refuses it.
     */
    private Set<String> fields(Object entity, Operation operation) {
        EntityPersister persister = persister(Hibernate.getClass(entity));
        Set<String> attributes = new LinkedHashSet<>();
        if (persister.getIdentifierPropertyName() != null) {
            attributes.add(persister.getIdentifierPropertyName());
        }
        attributes.addAll(Arrays.asList(persister.getPropertyNames()));
        Caller caller = CallerContext.current();
        if (caller.system()) {
            return Collections.unmodifiableSet(attributes);
        }
        return inSession(session -> {
            Stored stored = stored(entity, session);
            if (stored == null || !stored.allows(operation, caller.principal(), session)) {
                return Set.<String>of();
            }
            var fieldRules = stored.runtime().policies().fieldRules();
            for (String field : fieldRules.fields(stored.name(), operation)) {
                if (!stored.decisions()
                    .holds(stored.name(), fieldRules.rule(stored.name(), field, operation), stored.row(), null,
                            caller.principal(), session)) {
                    attributes.remove(field);
                }
            }
            return Collections.unmodifiableSet(attributes);
        });
    }

    private boolean decide(Operation operation, Object entity, @Nullable AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        if (operation == Operation.CREATE) {
            PolicyRuntime runtime = runtime();
            EntityPersister persister = persister(Hibernate.getClass(entity));
            String name = entityName(runtime, persister);
            RowDecisions decisions = runtime.rowDecisions();
            Object target = Hibernate.unproxy(entity);
            Object[] state = new AuthDefaults(runtime.policies().model().authAttributes()).previewed(target, persister,
                    principal, session);
            StateRow row = decisions.row(name, persister, persister.getIdentifier(target, session), state, session);
            return decisions.allows(name, Operation.CREATE, row, null, principal, session);
        }
        Stored stored = stored(entity, session);
        return stored != null && stored.allows(operation, principal, session);
    }

    /** The entity's row as stored, or null when there is none. */
    private @Nullable Stored stored(Object entity, SharedSessionContractImplementor session) {
        PolicyRuntime runtime = runtime();
        EntityPersister persister = persister(Hibernate.getClass(entity));
        String name = entityName(runtime, persister);
        Object target = Hibernate.unproxy(entity);
        Object id = persister.getIdentifier(target, session);
        Object[] state = id == null ? null : StoredState.of(runtime, CallerContext.current(), name, target, id,
                loadedState(target, session), persister, session);
        if (state == null) {
            return null;
        }
        RowDecisions decisions = runtime.rowDecisions();
        return new Stored(runtime, decisions, name, decisions.row(name, persister, id, state, session));
    }

    private record Stored(PolicyRuntime runtime, RowDecisions decisions, String name, StateRow row) {

        /**
         * Whether the caller may read the row and, beyond reading, perform the operation.
         */
        boolean allows(Operation operation, @Nullable AuthPrincipal principal,
                SharedSessionContractImplementor session) {
            return decisions.allows(name, Operation.READ, row, null, principal, session) && (operation == Operation.READ
                    || decisions.allows(name, operation, row, null, principal, session));
        }

    }

    private static Object @Nullable [] loadedState(Object entity, SharedSessionContractImplementor session) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        return entry == null ? null : entry.getLoadedState();
    }

    private <T> T inSession(Function<SharedSessionContractImplementor, T> work) {
        return CurrentOrOwnEntityManager.apply(entityManagerFactory,
                entityManager -> work.apply(entityManager.unwrap(SharedSessionContractImplementor.class)));
    }

    private PolicyRuntime runtime() {
        PolicyRuntime runtime = PolicyRuntimes.of(entityManagerFactory.unwrap(SessionFactoryImplementor.class));
        if (runtime == null) {
            throw new IllegalStateException("Rowguard is not active in this persistence unit");
        }
        return runtime;
    }

    private EntityPersister persister(Class<?> type) {
        try {
            return entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(type);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException(type.getName() + " is not an entity of this persistence unit", ex);
        }
    }

    private static String entityName(PolicyRuntime runtime, EntityPersister persister) {
        String name = runtime.jpaName(persister.getEntityName());
        if (name == null) {
            throw new IllegalArgumentException(persister.getEntityName() + " is not an entity Rowguard knows");
        }
        return name;
    }

    private static void askable(Operation operation) {
        if (!ASKABLE.contains(operation)) {
            throw new IllegalArgumentException(
                    "Ask for CREATE, READ, UPDATE or DELETE; " + operation + " is not a permission");
        }
    }

}
