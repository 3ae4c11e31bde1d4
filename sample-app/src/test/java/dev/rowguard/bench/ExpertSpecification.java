package dev.rowguard.bench;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import dev.rowguard.sample.domain.SpaceUser;
import dev.rowguard.sample.domain.Todo;
import dev.rowguard.sample.domain.TodoList;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import org.springframework.data.jpa.domain.Specification;

/**
 * The expert's condition as a Specification, so that the policies-off baseline can take
 * the same criteria path as {@code findAll(Pageable)}:
 * {@code t.list.id in (owned lists union all
 * non-private lists of my spaces)}.
 */
final class ExpertSpecification {

    private ExpertSpecification() {
    }

    static Specification<Todo> visibleTo(String me) {
        return (root, query, cb) -> {
            Subquery<Long> owned = query.subquery(Long.class);
            Root<TodoList> l = owned.from(TodoList.class);
            owned.select(l.get("id")).where(cb.equal(l.get("owner").get("id"), me));

            Subquery<Long> shared = query.subquery(Long.class);
            Root<TodoList> l2 = shared.from(TodoList.class);
            Root<SpaceUser> su = shared.from(SpaceUser.class);
            shared.select(l2.get("id"))
                .where(cb.equal(su.get("space").get("id"), l2.get("space").get("id")),
                        cb.equal(su.get("user").get("id"), me), cb.isFalse(l2.get("privateList")));

            return root.get("list").get("id").in(((HibernateCriteriaBuilder) cb).union(true, owned, shared));
        };
    }

}
