package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.SpaceRole;
import dev.rowguard.sample.domain.SpaceUser;
import dev.rowguard.sample.domain.SpaceUserRepository;
import dev.rowguard.sample.web.Views.MemberView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
class MemberController {

    record RoleChange(@NotNull SpaceRole role) {
    }

    private final SpaceUserRepository members;

    MemberController(SpaceUserRepository members) {
        this.members = members;
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable Long id) {
        return MemberView.of(find(id));
    }

    @PatchMapping("/{id}")
    @Transactional
    MemberView changeRole(@PathVariable Long id, @Valid @RequestBody RoleChange change) {
        SpaceUser member = find(id);
        member.setRole(change.role());
        members.flush();
        return MemberView.of(member);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable Long id) {
        members.delete(find(id));
        members.flush();
    }

    private SpaceUser find(Long id) {
        return members.findById(id).orElseThrow(() -> NotFound.of("member"));
    }

}
