package dev.rowguard.decisions;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Invoices whose rules carry codes and messages for clients. */
@SpringBootApplication
@EnableMethodSecurity
public class DecisionsTestApplication {

}
