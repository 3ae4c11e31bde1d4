package dev.rowguard.sampledev;

import dev.rowguard.devkit.RowguardDevServices;
import dev.rowguard.sample.SampleApplication;

import org.springframework.boot.SpringApplication;

/**
 * The sample in dev mode (README's first command): Rowguard's dev services (a PostgreSQL
 * when no datasource is configured, a local token issuer playing Clerk,
 * {@code GET /dev/token}) and the {@code dev} profile's demo data. None of it is in the
 * production artifact: this class lives in the test sources and the dev services in a
 * test-scope dependency.
 */
public final class DevSampleApplication {

    /**
     * The profile that adds the demo data (application-dev.yml in the test resources).
     */
    public static final String DEV_PROFILE = "dev";

    private DevSampleApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main)
            .with(RowguardDevServices.class)
            .withAdditionalProfiles(DEV_PROFILE)
            .run(args);
    }

}
