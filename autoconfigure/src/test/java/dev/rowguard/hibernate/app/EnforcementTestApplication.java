package dev.rowguard.hibernate.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Entities for every enforcement path and the scenarios of policy-semantics.md, with
 * Spring Data repositories.
 */
@SpringBootApplication
@PropertySource("classpath:enforcement-test.properties")
public class EnforcementTestApplication {

}
