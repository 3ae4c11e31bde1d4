package dev.rowguard.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application of one owner-only entity, for Spring Boot's test slices. */
@SpringBootApplication
public class SliceTestApplication {

}
