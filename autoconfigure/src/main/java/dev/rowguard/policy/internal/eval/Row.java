package dev.rowguard.policy.internal.eval;

import java.util.List;

import dev.rowguard.policy.internal.model.Attribute;

import org.jspecify.annotations.Nullable;

/** Read access to one row (or entity) and the rows related to it, for the evaluator. */
public interface Row {

    @Nullable Object value(Attribute.Scalar attribute);

    /** The related row, or null when the relation is empty. */
    @Nullable Row related(Attribute.ToOne relation);

    List<Row> elements(Attribute.ToMany relation);

    /** The foreign key a to-one relation holds: the related row's id, or null. */
    @Nullable Object foreignKey(Attribute.ToOne relation);

}
