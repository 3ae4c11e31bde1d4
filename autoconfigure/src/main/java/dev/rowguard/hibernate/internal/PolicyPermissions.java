package dev.rowguard.hibernate.internal;

import java.util.EnumSet;
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

    private boolean decide(Operation operation, Object entity, @Nullable AuthPrincipal principal,
            SharedSessionContractImplementor session) {
        PolicyRuntime runtime = runtime();
        EntityPersister persister = persister(Hibernate.getClass(entity));
        String name = entityName(runtime, persister);
        RowDecisions decisions = new RowDecisions(runtime);
        Object target = Hibernate.unproxy(entity);
        if (operation == Operation.CREATE) {
            Object[] state = new AuthDefaults(runtime.policies().model().authAttributes()).previewed(target, persister,
                    principal, session);
            StateRow row = decisions.row(name, persister, persister.getIdentifier(target, session), state, session);
            return decisions.allows(name, Operation.CREATE, row, null, principal, session);
        }
        Object id = persister.getIdentifier(target, session);
        Object[] stored = id == null ? null : storedState(target, id, persister, session);
        if (stored == null) {
            return false;
        }
        StateRow row = decisions.row(name, persister, id, stored, session);
        return decisions.allows(name, Operation.READ, row, null, principal, session)
                && (operation == Operation.READ || decisions.allows(name, operation, row, null, principal, session));
    }

    /**
     * The row as stored: the state the session loaded it with (no statement), else the
     * database's (one statement); null when there is no such row.
     */
    private static Object @Nullable [] storedState(Object entity, Object id, EntityPersister persister,
            SharedSessionContractImplementor session) {
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        if (entry != null && entry.getLoadedState() != null
                && LoadedStateMarks.isAsStored(session, entity, entry.getLoadedState())) {
            return entry.getLoadedState();
        }
        return persister.getDatabaseSnapshot(id, session);
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
