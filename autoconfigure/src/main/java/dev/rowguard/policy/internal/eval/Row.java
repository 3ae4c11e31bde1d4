package dev.rowguard.policy.internal.eval;

import java.util.List;

import dev.rowguard.policy.internal.model.Attribute;

/** Read access to one row (or entity) and the rows related to it, for the evaluator. */
public interface Row {

    Object value(Attribute.Scalar attribute);

    /** The related row, or null when the relation is empty. */
    Row related(Attribute.ToOne relation);

    List<Row> elements(Attribute.ToMany relation);

    /** The foreign key a to-one relation holds: the related row's id, or null. */
    Object foreignKey(Attribute.ToOne relation);

}
