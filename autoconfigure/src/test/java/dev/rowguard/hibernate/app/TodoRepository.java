package dev.rowguard.hibernate.app;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TodoRepository extends JpaRepository<Todo, Long>, JpaSpecificationExecutor<Todo> {

    List<Todo> findByTitleStartingWith(String prefix);

    long countByTitleStartingWith(String prefix);

}
