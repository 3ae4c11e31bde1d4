package dev.rowguard.sample.web;

import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.sample.domain.Space;
import dev.rowguard.sample.domain.SpaceRepository;
import dev.rowguard.sample.domain.SpaceRole;
import dev.rowguard.sample.domain.SpaceUser;
import dev.rowguard.sample.domain.SpaceUserRepository;
import dev.rowguard.sample.domain.TodoListRepository;
import dev.rowguard.sample.domain.UserRepository;
import dev.rowguard.sample.web.Views.ListView;
import dev.rowguard.sample.web.Views.MemberView;
import dev.rowguard.sample.web.Views.SpaceView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
@RequestMapping("/api/spaces")
class SpaceController {

    record NewSpace(@NotBlank @Size(max = 200) String name, @NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}") String slug,
            @Size(max = 100) @Nullable String orgId) {
    }

    record SpaceChange(@Size(min = 1, max = 200) @Nullable String name) {
    }

    record NewMember(@NotBlank String userId, @NotNull SpaceRole role) {
    }

    private final SpaceRepository spaces;

    private final SpaceUserRepository members;

    private final TodoListRepository lists;

    private final UserRepository users;

    SpaceController(SpaceRepository spaces, SpaceUserRepository members, TodoListRepository lists,
            UserRepository users) {
        this.spaces = spaces;
        this.members = members;
        this.lists = lists;
        this.users = users;
    }

    @GetMapping
    PagedModel<SpaceView> list(Pageable pageable) {
        return new PagedModel<>(spaces.findAll(pageable).map(SpaceView::of));
    }

    @GetMapping("/{id}")
    SpaceView get(@PathVariable Long id) {
        return SpaceView.of(find(id));
    }

    /** The caller becomes the owner and an ADMIN member of the new space. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    SpaceView create(@AuthenticationPrincipal @Nullable AuthPrincipal me, @Valid @RequestBody NewSpace request) {
        Space space = new Space(request.name(), request.slug(), me == null ? null : users.getReferenceById(me.id()));
        space.setOrgId(request.orgId());
        // flushed here (sequence ids defer the inserts): a refused create answers 403
        // before any view is built
        spaces.saveAndFlush(space);
        members.saveAndFlush(new SpaceUser(space, Objects.requireNonNull(space.getOwner()), SpaceRole.ADMIN));
        return SpaceView.of(space);
    }

    @PatchMapping("/{id}")
    @Transactional
    SpaceView update(@PathVariable Long id, @Valid @RequestBody SpaceChange change) {
        Space space = find(id);
        if (change.name() != null) {
            space.setName(change.name());
        }
        spaces.flush();
        return SpaceView.of(space);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable Long id) {
        spaces.delete(find(id));
        spaces.flush();
    }

    @GetMapping("/{id}/lists")
    PagedModel<ListView> lists(@PathVariable Long id, Pageable pageable) {
        return new PagedModel<>(
                lists.findBySpaceId(Objects.requireNonNull(find(id).getId()), pageable).map(ListView::of));
    }

    @GetMapping("/{id}/members")
    PagedModel<MemberView> members(@PathVariable Long id, Pageable pageable) {
        return new PagedModel<>(
                members.findBySpaceId(Objects.requireNonNull(find(id).getId()), pageable).map(MemberView::of));
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    MemberView addMember(@PathVariable Long id, @Valid @RequestBody NewMember request) {
        Space space = find(id);
        // A reference, not a read: whether the caller may add this user is the
        // membership's create rule.
        var user = users.getReferenceById(request.userId());
        return MemberView.of(members.saveAndFlush(new SpaceUser(space, user, request.role())));
    }

    private Space find(Long id) {
        return spaces.findById(id).orElseThrow(() -> NotFound.of("space"));
    }

}
