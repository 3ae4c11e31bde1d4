package dev.rowguard.policy.internal;

import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;

/** The sample's todo domain, as policies see it (tables as in the sample's migration). */
public final class TodoModel {

    private TodoModel() {
    }

    public static DomainModel create(String... authAttributes) {
        return new ModelBuilder(authAttributes).entity("User", "app_user")
            .id(ValueKind.STRING, String.class)
            .scalar("email", "email", ValueKind.STRING, String.class, true)
            .toMany("memberships", "SpaceUser", "user_id")
            .authEntity()
            .done()
            .entity("Space", "space")
            .id(ValueKind.NUMBER, Long.class)
            .scalar("name", "name", ValueKind.STRING, String.class, false)
            .scalar("orgId", "org_id", ValueKind.STRING, String.class, true)
            .toOne("owner", "User", "owner_id", false)
            .toMany("members", "SpaceUser", "space_id")
            .toMany("lists", "TodoList", "space_id")
            .done()
            .entity("SpaceUser", "space_user")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("space", "Space", "space_id", false)
            .toOne("user", "User", "user_id", false)
            .enumeration("role", "role", false, "USER", "ADMIN")
            .done()
            .entity("TodoList", "list")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("space", "Space", "space_id", false)
            .toOne("owner", "User", "owner_id", false)
            .scalar("title", "title", ValueKind.STRING, String.class, false)
            .scalar("private", "private", ValueKind.BOOLEAN, Boolean.class, false)
            .toMany("todos", "Todo", "list_id")
            .done()
            .entity("Todo", "todo")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("list", "TodoList", "list_id", false)
            .toOne("owner", "User", "owner_id", false)
            .scalar("title", "title", ValueKind.STRING, String.class, false)
            .scalar("completedAt", "completed_at", ValueKind.TEMPORAL, java.time.Instant.class, true)
            .done()
            .entity("Post", "post")
            .id(ValueKind.NUMBER, Long.class)
            .scalar("title", "title", ValueKind.STRING, String.class, false)
            .scalar("published", "published", ValueKind.BOOLEAN, Boolean.class, false)
            .scalar("authorId", "author_id", ValueKind.STRING, String.class, false)
            .done()
            .build();
    }

}
