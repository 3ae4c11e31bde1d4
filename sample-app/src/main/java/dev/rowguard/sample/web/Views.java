package dev.rowguard.sample.web;

import java.util.Objects;
import java.util.Set;

import java.time.Instant;

import dev.rowguard.policy.Operation;
import dev.rowguard.sample.domain.ExpenseReport;
import dev.rowguard.sample.domain.ExpenseStatus;
import dev.rowguard.sample.domain.Post;
import dev.rowguard.sample.domain.Space;
import dev.rowguard.sample.domain.SpaceRole;
import dev.rowguard.sample.domain.SpaceUser;
import dev.rowguard.sample.domain.Todo;
import dev.rowguard.sample.domain.TodoList;
import dev.rowguard.sample.domain.User;

import org.jspecify.annotations.Nullable;

/** What the API returns: plain records, so no lazy relation is serialized by accident. */
final class Views {

    private Views() {
    }

    /**
     * What a saved entity always has (its id, its owner, its author), though a new one
     * may not have it yet.
     */
    private static <T> T saved(@Nullable T value) {
        return Objects.requireNonNull(value);
    }

    record UserView(String id, @Nullable String email, @Nullable String name) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getEmail(), user.getName());
        }
    }

    record SpaceView(Long id, String name, String slug, String ownerId, @Nullable String orgId) {
        static SpaceView of(Space space) {
            return new SpaceView(saved(space.getId()), space.getName(), space.getSlug(),
                    saved(space.getOwner()).getId(), space.getOrgId());
        }
    }

    record MemberView(Long id, Long spaceId, String userId, SpaceRole role) {
        static MemberView of(SpaceUser member) {
            return new MemberView(saved(member.getId()), saved(member.getSpace().getId()), member.getUser().getId(),
                    member.getRole());
        }
    }

    record ListView(Long id, Long spaceId, String ownerId, String title, boolean privateList) {
        static ListView of(TodoList list) {
            return new ListView(saved(list.getId()), saved(list.getSpace().getId()), saved(list.getOwner()).getId(),
                    list.getTitle(), list.isPrivateList());
        }
    }

    /** A todo; {@code note} is its owner's alone, null for everyone else. */
    record TodoView(Long id, Long listId, String ownerId, String title, @Nullable Instant completedAt,
            @Nullable String note) {
        static TodoView of(Todo todo) {
            return new TodoView(saved(todo.getId()), saved(todo.getList().getId()), saved(todo.getOwner()).getId(),
                    todo.getTitle(), todo.getCompletedAt(), todo.getNote());
        }
    }

    record PostView(Long id, String title, @Nullable String content, boolean published, String authorId) {
        static PostView of(Post post) {
            return new PostView(saved(post.getId()), post.getTitle(), post.getContent(), post.isPublished(),
                    saved(post.getAuthorId()));
        }
    }

    /** A post with what the caller may do with it (for showing "Edit" or "Delete"). */
    record PostDetail(Long id, String title, @Nullable String content, boolean published, String authorId,
            Set<Operation> permissions) {
        static PostDetail of(Post post, Set<Operation> permissions) {
            return new PostDetail(saved(post.getId()), post.getTitle(), post.getContent(), post.isPublished(),
                    saved(post.getAuthorId()), permissions);
        }
    }

    /**
     * An expense report; {@code reviewerNote} is null for a caller its field rule hides
     * it from.
     */
    record ExpenseView(Long id, String submitterId, String region, String description, long amount,
            ExpenseStatus status, @Nullable String reviewerNote) {
        static ExpenseView of(ExpenseReport report) {
            return new ExpenseView(saved(report.getId()), saved(report.getSubmitterId()), report.getRegion(),
                    report.getDescription(), report.getAmount(), report.getStatus(), report.getReviewerNote());
        }
    }

}
