package dev.rowguard.bench;

import dev.rowguard.sample.domain.Todo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The end-to-end benchmark's baseline server: the sample's entities and the expert's
 * endpoint, with no token verification, no security filters and Rowguard's policies off.
 * Run in its own JVM by {@link EndToEnd}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "dev.rowguard.autoconfigure.security.RowguardSecurityAutoConfiguration" })
@EntityScan(basePackageClasses = Todo.class)
@EnableJpaRepositories(basePackageClasses = { Todo.class, BenchTodoRepository.class })
@Import(ExpertTodoEndpoint.class)
public class PlainServer {

    public static void main(String[] args) {
        SpringApplication.run(PlainServer.class, args);
    }

}
