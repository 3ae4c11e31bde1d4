package dev.rowguard.sample.web;

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

/** What the API returns: plain records, so no lazy relation is serialized by accident. */
final class Views {

    private Views() {
    }

    record UserView(String id, String email, String name) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getEmail(), user.getName());
        }
    }

    record SpaceView(Long id, String name, String slug, String ownerId, String orgId) {
        static SpaceView of(Space space) {
            return new SpaceView(space.getId(), space.getName(), space.getSlug(), space.getOwner().getId(),
                    space.getOrgId());
        }
    }

    record MemberView(Long id, Long spaceId, String userId, SpaceRole role) {
        static MemberView of(SpaceUser member) {
            return new MemberView(member.getId(), member.getSpace().getId(), member.getUser().getId(),
                    member.getRole());
        }
    }

    record ListView(Long id, Long spaceId, String ownerId, String title, boolean privateList) {
        static ListView of(TodoList list) {
            return new ListView(list.getId(), list.getSpace().getId(), list.getOwner().getId(), list.getTitle(),
                    list.isPrivateList());
        }
    }

    record TodoView(Long id, Long listId, String ownerId, String title, Instant completedAt) {
        static TodoView of(Todo todo) {
            return new TodoView(todo.getId(), todo.getList().getId(), todo.getOwner().getId(), todo.getTitle(),
                    todo.getCompletedAt());
        }
    }

    record PostView(Long id, String title, String content, boolean published, String authorId) {
        static PostView of(Post post) {
            return new PostView(post.getId(), post.getTitle(), post.getContent(), post.isPublished(),
                    post.getAuthorId());
        }
    }

    /** A post with what the caller may do with it (for showing "Edit" or "Delete"). */
    record PostDetail(Long id, String title, String content, boolean published, String authorId,
            Set<Operation> permissions) {
        static PostDetail of(Post post, Set<Operation> permissions) {
            return new PostDetail(post.getId(), post.getTitle(), post.getContent(), post.isPublished(),
                    post.getAuthorId(), permissions);
        }
    }

    record ExpenseView(Long id, String submitterId, String region, String description, long amount,
            ExpenseStatus status) {
        static ExpenseView of(ExpenseReport report) {
            return new ExpenseView(report.getId(), report.getSubmitterId(), report.getRegion(), report.getDescription(),
                    report.getAmount(), report.getStatus());
        }
    }

}
