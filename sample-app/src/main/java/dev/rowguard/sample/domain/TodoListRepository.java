package dev.rowguard.sample.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TodoListRepository extends JpaRepository<TodoList, Long> {

    Page<TodoList> findBySpaceId(Long spaceId, Pageable pageable);

}
