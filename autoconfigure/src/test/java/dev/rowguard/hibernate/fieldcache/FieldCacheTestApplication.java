package dev.rowguard.hibernate.fieldcache;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One entity open to everyone, in the second-level cache, with a field only some may
 * read.
 */
@SpringBootApplication
public class FieldCacheTestApplication {

}
