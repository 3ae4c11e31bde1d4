package dev.rowguard.policy;

import java.util.Set;

/**
 * Asks the policies before doing: what the current caller (the same as for enforcement:
 * Spring Security's authentication, {@code Rowguard.runAs}, or the system inside
 * {@code Rowguard.asSystem}, which may do everything) may do with an entity type or an
 * entity, e.g. to show or hide an "Edit" button. An auto-configured bean.
 *
 * <pre>{@code
 * permissions.check(Post.class, Operation.CREATE).kind() != Kind.NEVER   // show "New post"
 * permissions.can(Operation.UPDATE, post)                               // show "Edit"
 * permissions.allowed(post)                                             // [READ, UPDATE, DELETE]
 * permissions.readableFields(employee).contains("salary")               // show the salary column
 * }</pre>
 *
 * The answers are the enforcement's own: the same rules, folded and evaluated by the same
 * code. A rule on the row's own columns is decided in memory; one that reaches other rows
 * costs one {@code SELECT}.
 */
public interface Permissions {

    /**
     * What the caller may do with rows of the type, before any row is at hand.
     * @param entityType an entity class
     * @param operation the operation
     * @return always, never, or the condition a row must meet
     * @throws IllegalArgumentException when the class is not a mapped entity
     */
    PermissionPlan check(Class<?> entityType, Operation operation);

    /**
     * Whether the caller may perform the operation on the entity. For {@code CREATE} the
     * entity is the row to insert (with its {@link AuthDefault}s applied, the entity left
     * untouched); for {@code READ}, {@code UPDATE} and {@code DELETE} the row as stored,
     * which the caller must be able to read: a row hidden from them answers false for
     * everything, revealing nothing.
     * @param operation {@code CREATE}, {@code READ}, {@code UPDATE} or {@code DELETE}
     * @param entity an instance of a mapped entity
     * @return whether the operation would be allowed now
     */
    boolean can(Operation operation, Object entity);

    /**
     * The operations among {@code READ}, {@code UPDATE} and {@code DELETE} that
     * {@link #can(Operation, Object)} allows.
     * @param entity a stored entity
     * @return the operations allowed, empty for a row the caller cannot read
     */
    Set<Operation> allowed(Object entity);

    /**
     * The fields of a stored entity the caller may read: every attribute when they may
     * read the row, but those whose own {@code READ} rules (an {@link Allow} or
     * {@link Deny} on the field) refuse it, which they see as null.
     * @param entity a stored entity
     * @return the attribute names, empty for a row the caller cannot read
     */
    Set<String> readableFields(Object entity);

    /**
     * The fields of a stored entity the caller may change: every attribute when they may
     * update the row, but those whose own {@code UPDATE} rules refuse it.
     * @param entity a stored entity
     * @return the attribute names, empty for a row the caller cannot read or update
     */
    Set<String> updatableFields(Object entity);

}
