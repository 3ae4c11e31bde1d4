package dev.rowguard.sampledev;

import dev.rowguard.sample.SampleApplication;

import org.springframework.boot.SpringApplication;

/**
 * The sample in dev mode (README's first command): an embedded PostgreSQL when no
 * datasource is configured, a local token issuer, {@code GET /dev/token} and demo data.
 * None of it is in the production artifact: this class and everything it pulls in live in
 * the test sources.
 */
public final class DevSampleApplication {

    private DevSampleApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main)
            .with(DevConfiguration.class)
            .withAdditionalProfiles(DevEnvironmentPostProcessor.DEV_PROFILE)
            .run(args);
    }

}
