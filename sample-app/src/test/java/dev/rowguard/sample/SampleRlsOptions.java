package dev.rowguard.sample;

import java.util.List;
import java.util.Set;

import dev.rowguard.postgres.RlsMigrationGenerator;

/**
 * The generator options of the sample's checked-in row-level security, as its
 * {@code pom.xml} passes them ({@code ./mvnw -pl sample-app compile exec:java}) and as
 * {@code application.yml} configures start-up (the declared auth attributes, the default
 * hidden-reference semantics).
 */
public final class SampleRlsOptions {

    public static final RlsMigrationGenerator.Options OPTIONS = new RlsMigrationGenerator.Options(
            List.of("dev.rowguard.sample.domain"), true, false, Set.of("region", "approvalLimit"), null, null);

    private SampleRlsOptions() {
    }

}
