package dev.rowguard.sample.web;

import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.sample.domain.SpaceRepository;
import dev.rowguard.sample.domain.TodoList;
import dev.rowguard.sample.domain.TodoListRepository;
import dev.rowguard.sample.domain.TodoRepository;
import dev.rowguard.sample.domain.UserRepository;
import dev.rowguard.sample.web.Views.ListView;
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
@RequestMapping("/api/lists")
class ListController {

    record NewList(@NotNull Long spaceId, @NotBlank @Size(max = 200) String title, @Nullable Boolean privateList) {
    }

    record ListChange(@Size(min = 1, max = 200) @Nullable String title, @Nullable Boolean privateList,
            @Nullable String ownerId) {
    }

    private final TodoListRepository lists;

    private final TodoRepository todos;

    private final SpaceRepository spaces;

    private final UserRepository users;

    ListController(TodoListRepository lists, TodoRepository todos, SpaceRepository spaces, UserRepository users) {
        this.lists = lists;
        this.todos = todos;
        this.spaces = spaces;
        this.users = users;
    }

    @GetMapping
    PagedModel<ListView> list(Pageable pageable) {
        return new PagedModel<>(lists.findAll(pageable).map(ListView::of));
    }

    @GetMapping("/{id}")
    ListView get(@PathVariable Long id) {
        return ListView.of(find(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    ListView create(@AuthenticationPrincipal @Nullable AuthPrincipal me, @Valid @RequestBody NewList request) {
        var space = spaces.findById(request.spaceId()).orElseThrow(() -> NotFound.of("space"));
        var owner = me == null ? null : users.getReferenceById(me.id());
        return ListView
            .of(lists.save(new TodoList(space, owner, request.title(), Boolean.TRUE.equals(request.privateList()))));
    }

    @PatchMapping("/{id}")
    @Transactional
    ListView update(@PathVariable Long id, @Valid @RequestBody ListChange change) {
        TodoList list = find(id);
        if (change.title() != null) {
            list.setTitle(change.title());
        }
        if (change.privateList() != null) {
            list.setPrivateList(change.privateList());
        }
        if (change.ownerId() != null) {
            list.setOwner(users.findById(change.ownerId()).orElseThrow(() -> NotFound.of("user")));
        }
        lists.flush();
        return ListView.of(list);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable Long id) {
        lists.delete(find(id));
        lists.flush();
    }

    @GetMapping("/{id}/todos")
    PagedModel<TodoView> todos(@PathVariable Long id, Pageable pageable) {
        return new PagedModel<>(
                todos.findByListId(Objects.requireNonNull(find(id).getId()), pageable).map(TodoView::of));
    }

    private TodoList find(Long id) {
        return lists.findById(id).orElseThrow(() -> NotFound.of("list"));
    }

}
