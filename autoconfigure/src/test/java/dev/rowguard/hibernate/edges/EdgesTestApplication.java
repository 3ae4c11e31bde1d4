package dev.rowguard.hibernate.edges;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Entities at the edges of JPA's mapping model that Rowguard supports, for the red-team
 * tests.
 */
@SpringBootApplication
@PropertySource("classpath:enforcement-test.properties")
public class EdgesTestApplication {

}
