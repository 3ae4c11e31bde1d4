package dev.rowguard.sample.web;

import java.time.Instant;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.sample.domain.Todo;
import dev.rowguard.sample.domain.TodoListRepository;
import dev.rowguard.sample.domain.TodoRepository;
import dev.rowguard.sample.domain.UserRepository;
import dev.rowguard.sample.web.Views.TodoView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/todos")
class TodoController {

    record NewTodo(@NotNull Long listId, @NotBlank @Size(max = 500) String title) {
    }

    record TodoChange(@Size(min = 1, max = 500) @Nullable String title, @Nullable Boolean completed,
            @Size(max = 2000) @Nullable String note) {
    }

    private final TodoRepository todos;

    private final TodoListRepository lists;

    private final UserRepository users;

    TodoController(TodoRepository todos, TodoListRepository lists, UserRepository users) {
        this.todos = todos;
        this.lists = lists;
        this.users = users;
    }

    @GetMapping
    PagedModel<TodoView> list(Pageable pageable) {
        return new PagedModel<>(todos.findAll(pageable).map(TodoView::of));
    }

    @GetMapping("/{id}")
    TodoView get(@PathVariable Long id) {
        return TodoView.of(find(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    TodoView create(@AuthenticationPrincipal @Nullable AuthPrincipal me, @Valid @RequestBody NewTodo request) {
        var list = lists.findById(request.listId()).orElseThrow(() -> NotFound.of("list"));
        var owner = me == null ? null : users.getReferenceById(me.id());
        return TodoView.of(todos.save(new Todo(list, owner, request.title())));
    }

    @PatchMapping("/{id}")
    @Transactional
    TodoView update(@PathVariable Long id, @Valid @RequestBody TodoChange change) {
        Todo todo = find(id);
        if (change.title() != null) {
            todo.setTitle(change.title());
        }
        if (change.completed() != null) {
            todo.setCompletedAt(change.completed() ? Instant.now() : null);
        }
        if (change.note() != null) {
            todo.setNote(change.note());
        }
        todos.flush();
        return TodoView.of(todo);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable Long id) {
        todos.delete(find(id));
        todos.flush();
    }

    private Todo find(Long id) {
        return todos.findById(id).orElseThrow(() -> NotFound.of("todo"));
    }

}
