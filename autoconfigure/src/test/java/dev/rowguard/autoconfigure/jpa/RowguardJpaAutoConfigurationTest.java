package dev.rowguard.autoconfigure.jpa;

import java.util.HashMap;
import java.util.Map;

import dev.rowguard.hibernate.internal.RowguardSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RowguardJpaAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RowguardJpaAutoConfiguration.class));

    @Test
    void policySettingsReachHibernateWithSecureDefaults() {
        runner.run(context -> {
            Map<String, Object> hibernate = customize(context.getBean(HibernatePropertiesCustomizer.class));
            assertThat(hibernate).containsEntry(RowguardSettings.ENABLED, "true")
                .containsEntry(RowguardSettings.UNANNOTATED, "deny")
                .containsEntry(RowguardSettings.MAX_SHAPES, "64")
                .containsEntry(RowguardSettings.HIDDEN_REFERENCES, "hide-row");
        });
    }

    @Test
    void propertiesAndDeclaredAttributesAreHandedOver() {
        runner
            .withPropertyValues("rowguard.policy.unannotated=allow", "rowguard.policy.max-filter-shapes=16",
                    "rowguard.policy.hidden-references=unchecked", "rowguard.auth.attributes.region=metadata.region",
                    "rowguard.auth.attributes.approvalLimit=metadata.approval_limit")
            .run(context -> {
                Map<String, Object> hibernate = customize(context.getBean(HibernatePropertiesCustomizer.class));
                assertThat(hibernate).containsEntry(RowguardSettings.UNANNOTATED, "allow")
                    .containsEntry(RowguardSettings.MAX_SHAPES, "16")
                    .containsEntry(RowguardSettings.HIDDEN_REFERENCES, "unchecked");
                assertThat(String.valueOf(hibernate.get(RowguardSettings.AUTH_ATTRIBUTES))).contains("region")
                    .contains("approvalLimit");
            });
    }

    @Test
    void sessionClaimsAreOffUnlessAskedFor() {
        runner
            .run(context -> assertThat(context.getBean(RowguardPostgresProperties.class).isSessionClaims()).isFalse());
        runner.withPropertyValues("rowguard.postgres.session-claims=true")
            .run(context -> assertThat(context.getBean(RowguardPostgresProperties.class).isSessionClaims()).isTrue());
    }

    @Test
    void theRowLevelSecurityBypassCheckRunsOnlyWithSessionClaims() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RowLevelSecurityBypassWarning.class));
        runner.withPropertyValues("rowguard.postgres.session-claims=true")
            .run(context -> assertThat(context).hasSingleBean(RowLevelSecurityBypassWarning.class));
    }

    private static Map<String, Object> customize(HibernatePropertiesCustomizer customizer) {
        Map<String, Object> hibernate = new HashMap<>();
        customizer.customize(hibernate);
        return hibernate;
    }

}
