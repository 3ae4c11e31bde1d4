package dev.rowguard.bench;

import dev.rowguard.bench.ExpertTodoEndpoint.TodoView;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's todo list endpoint as a user writes it without Rowguard: the verified
 * token's subject handed to the expert's {@code @Query}. Same path and JSON as the
 * sample's {@code GET /api/todos}. Registered only by {@link HandSecuredServer}.
 */
@RestController
class HandSecuredTodoEndpoint {

    private final BenchTodoRepository todos;

    HandSecuredTodoEndpoint(BenchTodoRepository todos) {
        this.todos = todos;
    }

    @GetMapping("/api/todos")
    PagedModel<TodoView> list(@AuthenticationPrincipal Jwt jwt, Pageable pageable) {
        String me = jwt.getSubject();
        return new PagedModel<>(todos.expertPage(me, pageable).map(todo -> TodoView.of(todo, me)));
    }

}
