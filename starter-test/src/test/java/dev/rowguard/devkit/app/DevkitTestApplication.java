package dev.rowguard.devkit.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as a user writes one: an entity with policies, a repository, a
 * controller.
 */
@SpringBootApplication
public class DevkitTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevkitTestApplication.class, args);
    }

}
