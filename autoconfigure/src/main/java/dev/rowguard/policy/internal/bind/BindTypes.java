package dev.rowguard.policy.internal.bind;

import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.ValueKind;

final class BindTypes {

    private BindTypes() {
    }

    static Type of(Attribute.Scalar attribute) {
        return attribute.kind() == ValueKind.ENUM ? Type.enumeration(attribute.enumConstants())
                : Type.scalar(attribute.kind());
    }

}
