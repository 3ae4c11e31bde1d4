package dev.rowguard.policy.internal.bind;

import java.util.List;

import dev.rowguard.policy.internal.model.Attribute;

/**
 * A to-one's foreign key seen as a column of the owning row, typed like the target's id.
 */
public final class ForeignKeys {

    private ForeignKeys() {
    }

    public static Attribute.Scalar asScalar(Attribute.ToOne relation, Attribute.Scalar targetId) {
        return new Attribute.Scalar(relation.name(), relation.foreignKeyColumn(), targetId.kind(), targetId.javaType(),
                List.of(), false, relation.optional());
    }

}
