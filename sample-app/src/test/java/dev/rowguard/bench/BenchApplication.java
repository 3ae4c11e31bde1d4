package dev.rowguard.bench;

import dev.rowguard.sample.domain.Todo;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The sample's persistence (its entities, their policies and repositories) plus the
 * benchmark's hand-written repository, without the web layer. Rowguard comes from the
 * starter's auto-configuration exactly as in the sample; {@code rowguard.policy.enabled}
 * decides whether it enforces.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Todo.class)
@EnableJpaRepositories(basePackageClasses = { Todo.class, BenchTodoRepository.class })
class BenchApplication {

}
