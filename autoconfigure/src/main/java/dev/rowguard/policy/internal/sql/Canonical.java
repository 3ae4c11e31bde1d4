package dev.rowguard.policy.internal.sql;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;

import org.jspecify.annotations.Nullable;

/**
 * Conditions compared up to the names of the rows they bind themselves: each collection
 * predicate's element and each semi-join's related row is renamed in order of appearance,
 * so a rule inlined twice under different variables gives equal forms. Forms are
 * remembered per node and carry their hash, since the same large sub-trees are compared
 * again and again while one condition is simplified; a {@link #signature} (a hash that
 * ignores variables, built from the children's) rules out most comparisons before any
 * form is built.
 */
final class Canonical {

    /** A condition's canonical tree, with its hash computed once. */
    record Form(Bound tree, int hash) {

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Form form && form.hash == hash && form.tree.equals(tree);
        }
    }

    private final Map<Bound, Form> forms = new IdentityHashMap<>();

    private final Map<Bound, Integer> signatures = new IdentityHashMap<>();

    /**
     * Equal for conditions with equal forms (and, rarely, for others): compare forms only
     * when signatures match.
     */
    int signature(Bound node) {
        Integer known = signatures.get(node);
        if (known != null) {
            return known;
        }
        int signature = computeSignature(node);
        signatures.put(node, signature);
        return signature;
    }

    private int computeSignature(Bound node) {
        if (node instanceof Bound.Field field) {
            return Objects.hash(1, field.hops(), field.attribute());
        }
        if (node instanceof Bound.Related related) {
            return Objects.hash(2, related.relation(), signature(related.condition()));
        }
        if (node instanceof Bound.Quantified quantified) {
            return Objects.hash(3, quantified.quantifier(), quantified.hops(), quantified.relation(),
                    signature(quantified.condition()));
        }
        if (node instanceof Bound.Not not) {
            return negatedSignature(signature(not.operand()));
        }
        if (node instanceof Bound.And and) {
            return 31 * 5 + signatures(and.operands());
        }
        if (node instanceof Bound.Or or) {
            return 31 * 6 + signatures(or.operands());
        }
        if (node instanceof Bound.Compare compare) {
            return Objects.hash(7, compare.operator(), signature(compare.left()), signature(compare.right()));
        }
        if (node instanceof Bound.IsNull isNull) {
            return 31 * 8 + signature(isNull.operand());
        }
        if (node instanceof Bound.In in) {
            return Objects.hash(9, signature(in.value()), signature(in.list()));
        }
        if (node instanceof Bound.StringFunction function) {
            return Objects.hash(10, function.function(), function.ignoreCase(), signature(function.text()),
                    signature(function.search()));
        }
        if (node instanceof Bound.ListFunction function) {
            return Objects.hash(11, function.function(), signature(function.list()),
                    function.argument() == null ? 0 : signature(function.argument()));
        }
        // leaves without row variables (constants, parameters, auth() values): their own
        // hash is variable-free
        return node.hashCode();
    }

    static int negatedSignature(int signature) {
        return 31 * 4 + signature;
    }

    private int signatures(List<Bound> operands) {
        int result = 1;
        for (Bound operand : operands) {
            result = 31 * result + signature(operand);
        }
        return result;
    }

    Form of(Bound condition) {
        Form form = forms.get(condition);
        if (form == null) {
            Bound tree = rename(condition);
            form = new Form(tree, tree.hashCode());
            forms.put(condition, form);
        }
        return form;
    }

    private static Bound rename(Bound condition) {
        return rename(condition, new HashMap<>());
    }

    /**
     * A semi-join's condition with its related row renamed as well, and the renaming, or
     * null when the condition reads rows bound outside it, binds a row twice or holds a
     * condition that reads no row at all: then its simplified form may depend on what is
     * known outside it, and cannot be shared.
     */
    static @Nullable Binding binding(Bound.Related semiJoin) {
        Map<Integer, Integer> bound = new HashMap<>();
        bound.put(semiJoin.relatedVariable(), -1);
        boolean[] selfContained = { true };
        Bound tree = rename(semiJoin.condition(), bound, selfContained);
        return selfContained[0] ? new Binding(new Form(tree, tree.hashCode()), bound) : null;
    }

    /**
     * A condition renamed by {@link #binding}: equal forms are the same condition up to
     * the rows it binds.
     */
    record Binding(Form form, Map<Integer, Integer> toCanonical) {

        /**
         * {@code condition}, a tree over the rows this binding renamed, over the
         * canonical rows instead.
         */
        Bound canonical(Bound condition) {
            return BoundRewriter.mapVariables(condition, toCanonical::get);
        }

        /** A tree over the canonical rows, over this binding's rows again. */
        Bound restored(Bound canonical) {
            Map<Integer, Integer> toOriginal = new HashMap<>();
            toCanonical.forEach((original, renamed) -> toOriginal.put(renamed, original));
            return BoundRewriter.mapVariables(canonical, toOriginal::get);
        }
    }

    private static Bound rename(Bound condition, Map<Integer, Integer> bound) {
        return rename(condition, bound, null);
    }

    private static boolean isAtomic(Bound node) {
        return node instanceof Bound.Compare || node instanceof Bound.IsNull || node instanceof Bound.In
                || node instanceof Bound.StringFunction || node instanceof Bound.ListFunction;
    }

    /** Whether a condition reads a column of some row. */
    private static boolean readsARow(Bound node) {
        return BoundRewriter.anyNode(node,
                n -> n instanceof Bound.Field || n instanceof Bound.Quantified || n instanceof Bound.Related);
    }

    /**
     * @param selfContained when not null, set to false on a row read but not bound here,
     * or bound twice
     */
    private static Bound rename(Bound condition, Map<Integer, Integer> bound, boolean @Nullable [] selfContained) {
        int[] next = { -bound.size() - 1 };
        return new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Quantified q) {
                    int variable = rename(q.variable());
                    bind(q.elementVariable());
                    return new Bound.Quantified(q.quantifier(), variable, q.hops(), q.relation(),
                            rename(q.elementVariable()), rewrite(q.condition()));
                }
                if (node instanceof Bound.Related r) {
                    int variable = rename(r.variable());
                    bind(r.relatedVariable());
                    return new Bound.Related(variable, r.relation(), rename(r.relatedVariable()),
                            rewrite(r.condition()));
                }
                if (node instanceof Bound.Field f) {
                    return new Bound.Field(rename(f.variable()), f.hops(), f.attribute());
                }
                if (node instanceof Bound.Check || node instanceof Bound.EntityPath
                        || node instanceof Bound.ToManyPath) {
                    // not expected after hoisting; their rows are not renamed, so the
                    // form is not shared
                    unshared();
                }
                if (selfContained != null && isAtomic(node) && !readsARow(node)) {
                    // such as now() > auth().since: the same condition may be known
                    // outside and dropped
                    // inside here, which holds only where it stands
                    unshared();
                }
                return rewriteChildren(node);
            }

            private void bind(int variable) {
                if (bound.put(variable, next[0]--) != null) {
                    unshared();
                }
            }

            private int rename(int variable) {
                Integer renamed = bound.get(variable);
                if (renamed == null) {
                    unshared();
                    return variable;
                }
                return renamed;
            }

            private void unshared() {
                if (selfContained != null) {
                    selfContained[0] = false;
                }
            }
        }.rewrite(condition);
    }

}
