package dev.rowguard.autoconfigure.diagnostics;

import java.util.List;

import dev.rowguard.policy.PolicyDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDefinitionFailureAnalyzerTest {

    @Test
    void aPolicyProblemWrappedByTheContextIsDescribedWithItsCaretAndTheWayOut() {
        PolicyDefinitionException problem = new PolicyDefinitionException(List
            .of("Post: @Allow(value = READ, when = \"publishd\")\n                              ^ unknown attribute 'publishd'"));
        RuntimeException startUp = new IllegalStateException("Failed to initialize",
                new RuntimeException("bean", problem));
        FailureAnalysis analysis = new PolicyDefinitionFailureAnalyzer().analyze(startUp);
        assertThat(analysis.getDescription()).contains("unknown attribute 'publishd'").contains("^");
        assertThat(analysis.getAction()).contains("@Allow / @Deny");
    }

    @Test
    void bootFindsTheAnalyzer() {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(), (factory, name, failure) -> {
                // analyzers that need constructor arguments are not ours
            });
        assertThat(analyzers).anyMatch(PolicyDefinitionFailureAnalyzer.class::isInstance);
    }

}
