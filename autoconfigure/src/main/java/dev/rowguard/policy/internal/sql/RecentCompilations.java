package dev.rowguard.policy.internal.sql;

import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;

import org.jspecify.annotations.Nullable;

/**
 * One thread's last compilations, keyed by the rule and the principal object (both by
 * identity: a write checks the same rule for the same caller several times in a
 * transaction, and folding it again was most of a write check's time). A small ring, so
 * that rules built afresh per call only pass through.
 */
final class RecentCompilations {

    private static final int SIZE = 8;

    private final Bound[] rules = new Bound[SIZE];

    private final @Nullable AuthPrincipal[] principals = new AuthPrincipal[SIZE];

    private final String[] aliases = new String[SIZE];

    private final @Nullable String[] prefixes = new String[SIZE];

    private final SqlCondition[] results = new SqlCondition[SIZE];

    private int next;

    @Nullable SqlCondition find(Bound rule, @Nullable AuthPrincipal principal, String alias, @Nullable String parameterPrefix) {
        for (int i = 0; i < SIZE; i++) {
            if (rules[i] == rule && principals[i] == principal && aliases[i].equals(alias)
                    && Objects.equals(prefixes[i], parameterPrefix)) {
                return results[i];
            }
        }
        return null;
    }

    void add(Bound rule, @Nullable AuthPrincipal principal, String alias, @Nullable String parameterPrefix,
            SqlCondition result) {
        rules[next] = rule;
        principals[next] = principal;
        aliases[next] = alias;
        prefixes[next] = parameterPrefix;
        results[next] = result;
        next = (next + 1) % SIZE;
    }

}
