package dev.rowguard.postgres.internal;

import java.util.List;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.syntax.Quantifier;

/**
 * A post-update rule without its {@code before()} conditions, for a {@code WITH CHECK}
 * that cannot see the old row: each condition that reads {@code before()} is replaced by
 * the constant that lets the rule pass (true where the rule needs it true, false under a
 * negation). The result holds wherever the rule holds, so the database never refuses an
 * update the application allows; it is weaker, and the application still checks the full
 * rule.
 */
final class BeforeRelaxation {

    private BeforeRelaxation() {
    }

    static boolean readsBefore(Bound rule) {
        boolean[] found = { false };
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.BeforeValue) {
                    found[0] = true;
                }
                return rewriteChildren(node);
            }
        }.rewrite(rule);
        return found[0];
    }

    static Bound relax(Bound rule) {
        return relax(rule, true);
    }

    private static Bound relax(Bound node, boolean positive) {
        if (!readsBefore(node)) {
            return node;
        }
        if (node instanceof Bound.Not not) {
            return new Bound.Not(relax(not.operand(), !positive));
        }
        if (node instanceof Bound.And and) {
            return new Bound.And(relaxAll(and.operands(), positive));
        }
        if (node instanceof Bound.Or or) {
            return new Bound.Or(relaxAll(or.operands(), positive));
        }
        if (node instanceof Bound.Quantified q) {
            boolean inner = q.quantifier() == Quantifier.NONE ? !positive : positive;
            return new Bound.Quantified(q.quantifier(), q.variable(), q.hops(), q.relation(), q.elementVariable(),
                    relax(q.condition(), inner));
        }
        if (node instanceof Bound.Related r) {
            return new Bound.Related(r.variable(), r.relation(), r.relatedVariable(), relax(r.condition(), positive));
        }
        return Bound.Const.of(positive);
    }

    private static List<Bound> relaxAll(List<Bound> operands, boolean positive) {
        return operands.stream().map(operand -> relax(operand, positive)).toList();
    }

}
