package dev.rowguard.hibernate.internal;

import java.util.List;
import java.util.stream.Collectors;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyRule;
import dev.rowguard.policy.PolicyViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Turns a denied write into its exception, and says so at DEBUG on
 * {@code dev.rowguard.decisions}: who, which entity and operation, and the deciding
 * rules' expressions and codes (never the row's data).
 */
final class Denials {

    static final Log decisions = LogFactory.getLog("dev.rowguard.decisions");

    private Denials() {
    }

    static PolicyViolationException denied(PolicyRuntime runtime, Caller caller, String entity, Operation operation,
            @Nullable String reason, List<PolicyRule> decidedBy) {
        PolicyViolationException denial = new PolicyViolationException(entity, operation, reason, decidedBy);
        runtime.denied(denial);
        if (decisions.isDebugEnabled()) {
            AuthPrincipal principal = caller.principal();
            decisions.debug("Denied " + operation + " of " + entity + " to "
                    + (principal == null ? "an anonymous caller" : "'" + principal.id() + "'")
                    + (reason == null ? "" : " (" + reason + ")") + "; decided by "
                    + (decidedBy.isEmpty() ? "no rule (nothing allows it)" : describe(decidedBy)));
        }
        return denial;
    }

    private static String describe(List<PolicyRule> rules) {
        return rules.stream()
            .map(rule -> "@" + (rule.effect() == dev.rowguard.policy.Effect.ALLOW ? "Allow" : "Deny") + " \""
                    + rule.expression() + "\"" + (rule.code() == null ? "" : " [" + rule.code() + "]"))
            .collect(Collectors.joining(", "));
    }

}
