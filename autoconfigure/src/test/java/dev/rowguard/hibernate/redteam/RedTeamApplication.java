package dev.rowguard.hibernate.redteam;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * One open entity, {@link Hub}, reaching owner-only rows through every kind of mapping
 * Rowguard supports (to-ones lazy, eager and ignoring missing rows, the inverse side of a
 * one-to-one, unidirectional and bidirectional one-to-many, many-to-many, a map keyed by
 * an attribute of its element, batch and subselect fetching) over all three inheritance
 * strategies.
 */
@SpringBootApplication
@PropertySource("classpath:enforcement-test.properties")
public class RedTeamApplication {

}
