package dev.rowguard.slice;

import java.util.List;
import java.util.Map;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Effect;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyRule;
import dev.rowguard.policy.PolicyViolationException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers who the caller is to Rowguard, and a denied write. */
@RestController
public class MemoController {

    @GetMapping("/memos/caller")
    Map<String, Object> caller() {
        return Map.of("id", Rowguard.currentPrincipal().map(principal -> principal.id()).orElse("anonymous"));
    }

    @GetMapping("/memos/me")
    Map<String, Object> me(@AuthenticationPrincipal AuthPrincipal me) {
        return Map.of("id", me == null ? "anonymous" : me.id(), "email",
                me == null || me.email() == null ? "" : me.email());
    }

    @GetMapping("/memos/plain-me")
    Map<String, Object> plainMe(AuthPrincipal me) {
        return Map.of("id", me == null ? "anonymous" : me.id());
    }

    @GetMapping("/memos/locked")
    Object locked() {
        throw new PolicyViolationException("Memo", Operation.UPDATE, null, List.of(new PolicyRule("Memo",
                Operation.UPDATE, Effect.DENY, "locked", "memo.locked", "Locked memos cannot be edited")));
    }

    @GetMapping("/memos/gone")
    Object gone() {
        throw new org.springframework.orm.ObjectRetrievalFailureException(Memo.class, 42L);
    }

    @GetMapping("/memos/denied")
    Object denied() {
        throw new PolicyViolationException("Memo", Operation.UPDATE);
    }

}
