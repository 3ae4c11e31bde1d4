package dev.rowguard.hibernate;

import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = EnforcementTestApplication.class, properties = "logging.level.dev.rowguard=DEBUG")
@WithTestPostgres
class StartupReportTest {

    @Test
    void startUpSaysWhatIsEnforcedAndWarnsAboutEntitiesWithoutPolicies(CapturedOutput output) {
        assertThat(output).contains("Rowguard: enforcing policies on")
            .contains("with read filters, ")
            .containsPattern("filter shapes; rules read, checked and compiled in \\d+ ms\\)");
        assertThat(output).containsPattern("WARN .*entities have no @Allow/@Deny and are closed .*Unruled");
        assertThat(output).contains("Rowguard: Todo READ: @Allow(value = ALL, when = \"list.owner == auth()\")")
            .contains("@Deny(value = READ, when = \"!check(list, 'read')\")")
            .containsPattern("Todo read filter shape \\d+: .*list_id");
    }

}
