package dev.rowguard.bench;

import dev.rowguard.sample.domain.Todo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The end-to-end benchmark's hand-secured server: the same application written without
 * Rowguard. Spring Boot's own OAuth 2.0 resource server verifies the same dev tokens
 * against the same JWKS (issuer, signature, expiry), and {@link HandSecuredTodoEndpoint}
 * answers with the expert's query for the token's subject. Rowguard's policies are off
 * ({@code rowguard.policy.enabled=false}) and its security configuration excluded. Run in
 * its own JVM by {@link EndToEnd}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = "dev.rowguard.autoconfigure.security.RowguardSecurityAutoConfiguration")
@EntityScan(basePackageClasses = Todo.class)
@EnableJpaRepositories(basePackageClasses = { Todo.class, BenchTodoRepository.class })
@Import(HandSecuredTodoEndpoint.class)
public class HandSecuredServer {

    public static void main(String[] args) {
        SpringApplication.run(HandSecuredServer.class, args);
    }

}
