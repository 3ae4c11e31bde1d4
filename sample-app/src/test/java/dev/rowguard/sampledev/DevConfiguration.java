package dev.rowguard.sampledev;

import dev.rowguard.testsupport.LocalTokenIssuer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Dev mode's beans: the local token issuer and the endpoint that hands out its tokens.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile(DevEnvironmentPostProcessor.DEV_PROFILE)
public class DevConfiguration {

    @Bean
    LocalTokenIssuer devTokenIssuer() {
        return DevTokenIssuer.get();
    }

    @Bean
    DevTokenController devTokenController(LocalTokenIssuer devTokenIssuer) {
        return new DevTokenController(devTokenIssuer);
    }

}
