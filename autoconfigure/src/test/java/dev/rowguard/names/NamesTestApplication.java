package dev.rowguard.names;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entities with every kind of legal name: nested classes, non-ASCII, quoted and long. */
@SpringBootApplication
public class NamesTestApplication {

}
