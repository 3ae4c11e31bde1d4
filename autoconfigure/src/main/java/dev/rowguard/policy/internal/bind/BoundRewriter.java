package dev.rowguard.policy.internal.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a bound tree bottom-up: subclasses override {@link #rewrite} for the nodes
 * they change and call {@link #rewriteChildren} for the rest.
 */
public abstract class BoundRewriter {

    public Bound rewrite(Bound node) {
        return rewriteChildren(node);
    }

    protected final Bound rewriteChildren(Bound node) {
        if (node instanceof Bound.Not not) {
            return new Bound.Not(rewrite(not.operand()));
        }
        if (node instanceof Bound.And and) {
            return new Bound.And(rewriteAll(and.operands()));
        }
        if (node instanceof Bound.Or or) {
            return new Bound.Or(rewriteAll(or.operands()));
        }
        if (node instanceof Bound.Compare compare) {
            return new Bound.Compare(compare.operator(), rewrite(compare.left()), rewrite(compare.right()));
        }
        if (node instanceof Bound.IsNull isNull) {
            return new Bound.IsNull(rewrite(isNull.operand()));
        }
        if (node instanceof Bound.In in) {
            return new Bound.In(rewrite(in.value()), rewrite(in.list()));
        }
        if (node instanceof Bound.ListFunction function) {
            return new Bound.ListFunction(function.function(), rewrite(function.list()),
                    function.argument() == null ? null : rewrite(function.argument()));
        }
        if (node instanceof Bound.StringFunction function) {
            return new Bound.StringFunction(function.function(), rewrite(function.text()), rewrite(function.search()),
                    function.ignoreCase());
        }
        if (node instanceof Bound.Quantified quantified) {
            return new Bound.Quantified(quantified.quantifier(), quantified.variable(), quantified.hops(),
                    quantified.relation(), quantified.elementVariable(), rewrite(quantified.condition()));
        }
        if (node instanceof Bound.Related related) {
            return new Bound.Related(related.variable(), related.relation(), related.relatedVariable(),
                    rewrite(related.condition()));
        }
        return node;
    }

    protected final List<Bound> rewriteAll(List<Bound> nodes) {
        List<Bound> rewritten = new ArrayList<>(nodes.size());
        for (Bound node : nodes) {
            rewritten.add(rewrite(node));
        }
        return rewritten;
    }

    /** Whether any node of the tree, the root included, passes the test. */
    public static boolean anyNode(Bound node, java.util.function.Predicate<Bound> test) {
        boolean[] found = { false };
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                if (found[0] || test.test(n)) {
                    found[0] = true;
                    return n;
                }
                return rewriteChildren(n);
            }
        }.rewrite(node);
        return found[0];
    }

    /** The highest row variable a tree uses. */
    public static int maxVariable(Bound node) {
        int[] max = { 0 };
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                if (n instanceof Bound.Field field) {
                    max[0] = Math.max(max[0], field.variable());
                }
                else if (n instanceof Bound.Quantified quantified) {
                    max[0] = Math.max(max[0], Math.max(quantified.variable(), quantified.elementVariable()));
                }
                else if (n instanceof Bound.Related related) {
                    max[0] = Math.max(max[0], Math.max(related.variable(), related.relatedVariable()));
                }
                else if (n instanceof Bound.Check check) {
                    max[0] = Math.max(max[0], check.variable());
                }
                return rewriteChildren(n);
            }
        }.rewrite(node);
        return max[0];
    }

    /** The same tree with every row variable renamed by {@code mapping}. */
    public static Bound mapVariables(Bound node, java.util.function.IntUnaryOperator mapping) {
        return new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                if (n instanceof Bound.Field field) {
                    return new Bound.Field(mapping.applyAsInt(field.variable()), field.hops(), field.attribute());
                }
                if (n instanceof Bound.Quantified q) {
                    return new Bound.Quantified(q.quantifier(), mapping.applyAsInt(q.variable()), q.hops(),
                            q.relation(), mapping.applyAsInt(q.elementVariable()), rewrite(q.condition()));
                }
                if (n instanceof Bound.Related r) {
                    return new Bound.Related(mapping.applyAsInt(r.variable()), r.relation(),
                            mapping.applyAsInt(r.relatedVariable()), rewrite(r.condition()));
                }
                if (n instanceof Bound.Check c) {
                    return new Bound.Check(mapping.applyAsInt(c.variable()), c.hops(), c.targetEntity(), c.operation());
                }
                return rewriteChildren(n);
            }
        }.rewrite(node);
    }

}
