package dev.rowguard.autoconfigure.diagnostics;

import dev.rowguard.policy.PolicyDefinitionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by a rule that does not parse or type-check, or by a mapping Rowguard
 * cannot enforce: Boot's "APPLICATION FAILED TO START" report with each problem (entity,
 * expression and caret, or the attribute path) under Description and the way out under
 * Action, instead of a stack trace.
 */
public final class PolicyDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<PolicyDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyDefinitionException cause) {
        String description = cause.problems().size() == 1
                ? "Rowguard cannot enforce the policies as written:\n\n" + cause.problems().get(0)
                : "Rowguard cannot enforce the policies as written (" + cause.problems().size() + " problems):\n\n"
                        + String.join("\n\n", cause.problems());
        String action = "Correct each @Allow / @Deny expression at the place marked above (docs/policy-language.md"
                + " lists the language), or change the mapping as each problem says (docs/enforcement.md lists the"
                + " mappings Rowguard enforces). The application starts once every entity's rules and relations can"
                + " be enforced.";
        return new FailureAnalysis(description, action, cause);
    }

}
