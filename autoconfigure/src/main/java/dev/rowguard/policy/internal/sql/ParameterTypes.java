package dev.rowguard.policy.internal.sql;

import java.util.HashMap;
import java.util.Map;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;

final class ParameterTypes {

    private ParameterTypes() {
    }

    static Map<Integer, Class<?>> of(Bound folded) {
        Map<Integer, Class<?>> types = new HashMap<>();
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Param param) {
                    types.put(param.index(), param.javaType());
                }
                return rewriteChildren(node);
            }
        }.rewrite(folded);
        return types;
    }

}
