package dev.rowguard.policy.internal.sql;

import java.util.HashSet;
import java.util.Set;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.eval.RuleSource;

/**
 * Whether folding a rule depends on nothing but the principal: no {@code now()}, no
 * {@code before()}, in the rule or in a rule it reaches through {@code check()}. Only
 * then may a compilation be reused for the same principal.
 */
final class PrincipalOnly {

    private PrincipalOnly() {
    }

    static boolean decides(Bound rule, RuleSource rules) {
        return decides(rule, rules, new HashSet<>());
    }

    private static boolean decides(Bound rule, RuleSource rules, Set<String> inlined) {
        return !BoundRewriter.anyNode(rule,
                node -> node instanceof Bound.Now || node instanceof Bound.BeforeValue
                        || node instanceof Bound.BeforeSelf
                        || node instanceof Bound.Check check
                                && inlined.add(check.targetEntity() + "#" + check.operation())
                                && !decides(rules.rule(check.targetEntity(), check.operation()), rules, inlined));
    }

}
