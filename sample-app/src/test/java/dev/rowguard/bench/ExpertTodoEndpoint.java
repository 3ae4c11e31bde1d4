package dev.rowguard.bench;

import java.time.Instant;

import dev.rowguard.sample.domain.Todo;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The end-to-end benchmark's baseline: the sample's todo list endpoint as it would be
 * written without Rowguard, security off, the caller named in the request and the
 * expert's condition by hand. Its JSON is the sample's ({@code GET /api/todos});
 * {@link EndToEnd} checks they are equal before measuring. Registered only by
 * {@link PlainServer}.
 */
@RestController
class ExpertTodoEndpoint {

    /**
     * The sample's own view of a todo, field for field; the note, as the sample's field
     * rule has it, only for the todo's owner.
     */
    record TodoView(Long id, Long listId, String ownerId, String title, Instant completedAt, String note) {

        static TodoView of(Todo todo, String me) {
            return new TodoView(todo.getId(), todo.getList().getId(), todo.getOwner().getId(), todo.getTitle(),
                    todo.getCompletedAt(), me.equals(todo.getOwner().getId()) ? todo.getNote() : null);
        }
    }

    private final BenchTodoRepository todos;

    ExpertTodoEndpoint(BenchTodoRepository todos) {
        this.todos = todos;
    }

    @GetMapping("/bench/todos")
    PagedModel<TodoView> list(@RequestParam String me, Pageable pageable) {
        return new PagedModel<>(todos.expertPage(me, pageable).map(todo -> TodoView.of(todo, me)));
    }

}
