package dev.rowguard.sample;

import java.util.List;

import dev.rowguard.devkit.RowguardDevServices;
import dev.rowguard.sample.domain.ExpenseReport;
import dev.rowguard.sample.domain.ExpenseReportRepository;
import dev.rowguard.test.WithAuthPrincipal;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expense rules tested as a user of Rowguard tests theirs: a repository called as a
 * caller with {@code @WithAuthPrincipal}, no server and no token (demo data: dave's
 * reports 1, 2 and 4 in the northeast, 3 in the south, 4 a draft).
 */
@SpringBootTest(classes = { SampleApplication.class, RowguardDevServices.class })
@ActiveProfiles("dev")
@WithTestPostgres
class ExpenseRulesTest {

    @Autowired
    ExpenseReportRepository reports;

    @Test
    @WithAuthPrincipal(id = "carol", roles = "manager", attributes = { "region=northeast", "approvalLimit=5000" })
    void aManagerReadsTheReportsOfHerRegionOnly() {
        List<String> regions = reports.findAll().stream().map(ExpenseReport::getRegion).distinct().toList();
        assertThat(regions).containsExactly("northeast");
        assertThat(reports.findById(3L)).isEmpty();
    }

    @Test
    @WithAuthPrincipal(id = "dave")
    void theSubmitterReadsAllOfHisReports() {
        assertThat(reports.findAll()).extracting(ExpenseReport::getId).contains(1L, 2L, 3L, 4L);
    }

    @Test
    @WithAuthPrincipal(id = "erin")
    void anyoneElseReadsNone() {
        assertThat(reports.findAll()).isEmpty();
    }

}
