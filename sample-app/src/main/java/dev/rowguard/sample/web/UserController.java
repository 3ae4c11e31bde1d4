package dev.rowguard.sample.web;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.sample.domain.User;
import dev.rowguard.sample.domain.UserRepository;
import dev.rowguard.sample.web.Views.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/users")
class UserController {

    record Profile(@Email @Size(max = 320) @Nullable String email, @Size(max = 200) @Nullable String name) {
    }

    private final UserRepository users;

    UserController(UserRepository users) {
        this.users = users;
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable String id) {
        return users.findById(id).map(UserView::of).orElseThrow(() -> NotFound.of("user"));
    }

    /**
     * Creates or updates the caller's own user row (the sync a sign-in webhook would do).
     */
    @PutMapping("/me")
    @Transactional
    UserView syncMe(@AuthenticationPrincipal @Nullable AuthPrincipal me, @Valid @RequestBody Profile profile) {
        if (me == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
        }
        User user = users.findById(me.id())
            .orElseGet(() -> users.save(new User(me.id(), profile.email(), profile.name())));
        user.setEmail(profile.email() != null ? profile.email() : user.getEmail());
        user.setName(profile.name() != null ? profile.name() : user.getName());
        return UserView.of(user);
    }

}
