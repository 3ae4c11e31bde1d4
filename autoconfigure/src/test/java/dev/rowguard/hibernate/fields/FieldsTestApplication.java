package dev.rowguard.hibernate.fields;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** Entities with rules on their fields, for the field-level tests. */
@SpringBootApplication
@PropertySource("classpath:enforcement-test.properties")
public class FieldsTestApplication {

}
