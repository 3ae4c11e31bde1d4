package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;

import org.jspecify.annotations.Nullable;

/**
 * Reshapes a folded condition for the planner: every to-one hop becomes a
 * {@link Bound.Related} (a semi-join on the foreign key), a path that ends in a related
 * id reads the foreign key column instead, and hops through the same relation under one
 * AND / OR are merged into one semi-join, so that "list.owner == auth() ||
 * list.space.members?[...]" becomes one {@code list_id IN (... UNION ALL ...)}.
 */
final class Hoister extends BoundRewriter {

    private final DomainModel model;

    private int nextVariable;

    private Hoister(DomainModel model, int firstFreeVariable) {
        this.model = model;
        this.nextVariable = firstFreeVariable;
    }

    static Bound hoist(Bound condition, DomainModel model) {
        return new Hoister(model, BoundRewriter.maxVariable(condition) + 1).rewrite(condition);
    }

    @Override
    public Bound rewrite(Bound node) {
        if (node instanceof Bound.And and) {
            return merge(rewriteAll(and.operands()), true);
        }
        if (node instanceof Bound.Or or) {
            return merge(rewriteAll(or.operands()), false);
        }
        if (node instanceof Bound.Not not) {
            // Two-valued logic allows negation normal form: a deny's "!(a || !b)" becomes
            // "!a && b",
            // and b may then merge with the allow rules' semi-joins through the same
            // relation.
            if (not.operand() instanceof Bound.Not inner) {
                return rewrite(inner.operand());
            }
            if (not.operand() instanceof Bound.Or or) {
                return rewrite(new Bound.And(or.operands().stream().<Bound>map(Bound.Not::new).toList()));
            }
            if (not.operand() instanceof Bound.And and) {
                return rewrite(new Bound.Or(and.operands().stream().<Bound>map(Bound.Not::new).toList()));
            }
            return new Bound.Not(rewrite(not.operand()));
        }
        if (node instanceof Bound.Related related) {
            return new Bound.Related(related.variable(), related.relation(), related.relatedVariable(),
                    rewrite(related.condition()));
        }
        if (node instanceof Bound.Quantified quantified) {
            return quantified(quantified);
        }
        if (node instanceof Bound.IsNull isNull) {
            Bound operand = isNull.operand() instanceof Bound.Field field ? normalize(field) : isNull.operand();
            if (operand instanceof Bound.Field field && !field.hops().isEmpty()) {
                // null when the path is broken or the value is null: the negation of a
                // strict test
                return new Bound.Not(hoistLeaf(new Bound.Not(new Bound.IsNull(field))));
            }
            return new Bound.IsNull(operand);
        }
        if (node instanceof Bound.Compare || node instanceof Bound.In || node instanceof Bound.StringFunction
                || node instanceof Bound.Field) {
            return hoistLeaf(normalizeFields(node));
        }
        return node;
    }

    private Bound quantified(Bound.Quantified quantified) {
        Bound condition = rewrite(quantified.condition());
        if (quantified.hops().isEmpty()) {
            return new Bound.Quantified(quantified.quantifier(), quantified.variable(), List.of(),
                    quantified.relation(), quantified.elementVariable(), condition);
        }
        List<Attribute.ToOne> hops = quantified.hops();
        int[] variables = new int[hops.size() + 1];
        variables[0] = quantified.variable();
        for (int i = 1; i <= hops.size(); i++) {
            variables[i] = nextVariable++;
        }
        Bound result = new Bound.Quantified(quantified.quantifier(), variables[hops.size()], List.of(),
                quantified.relation(), quantified.elementVariable(), condition);
        for (int i = hops.size() - 1; i >= 0; i--) {
            result = new Bound.Related(variables[i], hops.get(i), variables[i + 1], result);
        }
        return result;
    }

    /**
     * Wraps a leaf that is false whenever a path in it is broken in one semi-join per
     * first hop.
     */
    private Bound hoistLeaf(Bound leaf) {
        Bound.Field first = firstFieldWithHops(leaf);
        if (first == null) {
            return leaf;
        }
        int variable = first.variable();
        Attribute.ToOne hop = first.hops().get(0);
        int related = nextVariable++;
        Bound inner = new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                if (n instanceof Bound.Field field && field.variable() == variable && !field.hops().isEmpty()
                        && field.hops().get(0).equals(hop)) {
                    return new Bound.Field(related, field.hops().subList(1, field.hops().size()), field.attribute());
                }
                return rewriteChildren(n);
            }
        }.rewrite(leaf);
        return new Bound.Related(variable, hop, related, hoistLeaf(inner));
    }

    private static Bound.Field firstFieldWithHops(Bound leaf) {
        Bound.Field[] found = new Bound.Field[1];
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                if (found[0] == null && n instanceof Bound.Field field && !field.hops().isEmpty()) {
                    found[0] = field;
                }
                return rewriteChildren(n);
            }
        }.rewrite(leaf);
        return found[0];
    }

    private Bound normalizeFields(Bound leaf) {
        return new BoundRewriter() {
            @Override
            public Bound rewrite(Bound n) {
                return n instanceof Bound.Field field ? normalize(field) : rewriteChildren(n);
            }
        }.rewrite(leaf);
    }

    /** {@code owner.id} is the foreign-key column {@code owner_id}: no hop needed. */
    private Bound.Field normalize(Bound.Field field) {
        if (field.hops().isEmpty()) {
            return field;
        }
        Attribute.ToOne last = field.hops().get(field.hops().size() - 1);
        Attribute.Scalar targetId = model.entity(last.targetEntity()).id();
        if (targetId == null || !field.attribute().equals(targetId)) {
            return field;
        }
        Attribute.Scalar foreignKey = dev.rowguard.policy.internal.bind.ForeignKeys.asScalar(last, targetId);
        return new Bound.Field(field.variable(), field.hops().subList(0, field.hops().size() - 1), foreignKey);
    }

    /** Merges semi-joins through the same relation under one AND / OR, and flattens. */
    private Bound merge(List<Bound> operands, boolean and) {
        List<Bound> flat = new ArrayList<>();
        for (Bound operand : operands) {
            if (and && operand instanceof Bound.And inner) {
                flat.addAll(inner.operands());
            }
            else if (!and && operand instanceof Bound.Or inner) {
                flat.addAll(inner.operands());
            }
            else {
                flat.add(operand);
            }
        }
        Map<RelationKey, List<Bound.Related>> groups = new LinkedHashMap<>();
        for (Bound operand : flat) {
            if (operand instanceof Bound.Related related) {
                groups.computeIfAbsent(RelationKey.of(related), key -> new ArrayList<>()).add(related);
            }
        }
        List<Bound> result = new ArrayList<>();
        Map<RelationKey, Integer> placed = new LinkedHashMap<>();
        for (Bound operand : flat) {
            Bound.Related related = asRelated(operand);
            if (related == null) {
                result.add(operand);
                continue;
            }
            boolean negated = operand instanceof Bound.Not;
            RelationKey key = RelationKey.of(related);
            boolean joinable = groups.containsKey(key) && (!negated || and || !related.relation().optional());
            if (!joinable) {
                result.add(operand);
                continue;
            }
            Bound condition = negated ? new Bound.Not(related.condition()) : related.condition();
            Integer at = placed.get(key);
            if (at == null) {
                placed.put(key, result.size());
                result.add(new Bound.Related(related.variable(), related.relation(), related.relatedVariable(),
                        condition));
            }
            else {
                Bound.Related existing = (Bound.Related) result.get(at);
                int from = related.relatedVariable();
                int to = existing.relatedVariable();
                Bound renamed = BoundRewriter.mapVariables(condition, variable -> variable == from ? to : variable);
                List<Bound> both = List.of(existing.condition(), renamed);
                Bound combined = merge(both, and);
                result.set(at, new Bound.Related(existing.variable(), existing.relation(), existing.relatedVariable(),
                        combined));
            }
        }
        if (result.size() == 1) {
            return result.get(0);
        }
        return and ? new Bound.And(result) : new Bound.Or(result);
    }

    private static Bound.@Nullable Related asRelated(Bound operand) {
        if (operand instanceof Bound.Related related) {
            return related;
        }
        if (operand instanceof Bound.Not not && not.operand() instanceof Bound.Related related) {
            return related;
        }
        return null;
    }

    private record RelationKey(int variable, Attribute.ToOne relation) {
        static RelationKey of(Bound.Related related) {
            return new RelationKey(related.variable(), related.relation());
        }
    }

}
