package dev.rowguard.names;

import dev.rowguard.testsupport.TestDatabase;
import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL inside a mapping that reads a protected table is named at start-up: entity,
 * attribute, kind and table, in one warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class RawSqlWarningTest {

    @Test
    void aFormulaReadingAProtectedTableIsNamedInOneWarning(CapturedOutput output) {
        TestDatabase database = TestPostgres.server().createDatabase("raw_sql");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NamesTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.datasource.url=" + database.jdbcUrl(),
                    "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=create",
                    "spring.flyway.enabled=false")
            .run()) {
            assertThat(output).contains("1 mappings hold SQL that reads the tables of protected entities")
                .contains("ItemSummary.items (@Formula reads table nested_item)");
        }
    }

}
