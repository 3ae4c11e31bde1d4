package dev.rowguard.bench;

import java.util.List;
import java.util.Optional;

import dev.rowguard.sample.domain.Todo;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The benchmark's hand-written queries over the sample's own {@link Todo}: the expert's
 * condition (a semi-join on a UNION ALL), the naive one-OR condition, and the
 * unconditioned queries the enforced side runs with Rowguard's filter added.
 */
public interface BenchTodoRepository extends JpaRepository<Todo, Long>, JpaSpecificationExecutor<Todo> {

    /** The expert's SQL of todo-dataset.md, in JPQL. */
    String EXPERT = "t.list.id in (" + "select l.id from TodoList l where l.owner.id = :me " + "union all "
            + "select l2.id from TodoList l2 join SpaceUser su on su.space.id = l2.space.id "
            + "where su.user.id = :me and l2.privateList = false)";

    /** The same rule as one WHERE with an OR, as a row filter naively writes it. */
    String NAIVE_OR = "l.owner.id = :me or (l.privateList = false and l.space.id in "
            + "(select su.space.id from SpaceUser su where su.user.id = :me))";

    /**
     * Users the caller may read (User's rule for a principal without an organization).
     */
    String VISIBLE_USERS = "select u.id from User u where u.id = :me "
            + "union all select m.user.id from SpaceUser m where m.space.id in "
            + "(select s.space.id from SpaceUser s where s.user.id = :me)";

    /**
     * What the default hide-row semantics ask, written by hand with the implied checks
     * left out: the todo rule, the list's space and owner readable (a space's owner too),
     * and the todo's owner readable.
     */
    String EXPERT_HIDE_ROW = "t.list.id in (" + "select l.id from TodoList l where l.owner.id = :me and l.space.id in "
            + "(select sp.id from Space sp where exists (select 1 from SpaceUser x where x.space.id = sp.id and x.user.id = :me) "
            + "and sp.owner.id in (" + VISIBLE_USERS + ")) " + "union all "
            + "select l2.id from TodoList l2 where l2.space.id in (select su.space.id from SpaceUser su where su.user.id = :me) "
            + "and l2.privateList = false and l2.owner.id in (" + VISIBLE_USERS + ") "
            + "and l2.space.id in (select sp2.id from Space sp2 where sp2.owner.id in (" + VISIBLE_USERS + "))) "
            + "and t.owner.id in (" + VISIBLE_USERS + ")";

    /**
     * The same semantics for one row, in the row-driven form an expert writes for a
     * lookup by id: every related row probed from the todo's own foreign keys (correlated
     * {@code EXISTS}), none of the caller's sets built.
     */
    String EXPERT_HIDE_ROW_BY_ROW = "exists (select 1 from TodoList l where l.id = t.list.id and (l.owner.id = :me or "
            + "(l.privateList = false and exists (select 1 from SpaceUser su where su.space.id = l.space.id "
            + "and su.user.id = :me))) and exists (select 1 from Space sp where sp.id = l.space.id and exists "
            + "(select 1 from SpaceUser x where x.space.id = sp.id and x.user.id = :me) and (sp.owner.id = :me or "
            + "exists (select 1 from SpaceUser m1, SpaceUser s1 where m1.user.id = sp.owner.id "
            + "and s1.space.id = m1.space.id and s1.user.id = :me))) and (l.owner.id = :me or "
            + "exists (select 1 from SpaceUser m2, SpaceUser s2 where m2.user.id = l.owner.id "
            + "and s2.space.id = m2.space.id and s2.user.id = :me))) and (t.owner.id = :me or "
            + "exists (select 1 from SpaceUser m3, SpaceUser s3 where m3.user.id = t.owner.id "
            + "and s3.space.id = m3.space.id and s3.user.id = :me))";

    // ---- page + total (policies off, condition by hand)

    @Query(value = "select t from Todo t where " + EXPERT, countQuery = "select count(t) from Todo t where " + EXPERT)
    Page<Todo> expertPage(@Param("me") String me, Pageable pageable);

    @Query(value = "select t from Todo t where " + EXPERT_HIDE_ROW,
            countQuery = "select count(t) from Todo t where " + EXPERT_HIDE_ROW)
    Page<Todo> expertHideRowPage(@Param("me") String me, Pageable pageable);

    @Query(value = "select t from Todo t join t.list l where " + NAIVE_OR,
            countQuery = "select count(t) from Todo t join t.list l where " + NAIVE_OR)
    Page<Todo> naiveOrPage(@Param("me") String me, Pageable pageable);

    // ---- page alone and total alone

    @Query("select t from Todo t where " + EXPERT)
    List<Todo> expertPageOnly(@Param("me") String me, Pageable pageable);

    @Query("select count(t) from Todo t where " + EXPERT)
    long expertCount(@Param("me") String me);

    /** Enforced side: Rowguard adds the condition. */
    @Query("select t from Todo t")
    List<Todo> pageOnly(Pageable pageable);

    /**
     * Enforced side, page + total through an HQL string like the baseline's
     * (findAll(Pageable) goes through a criteria query, which Hibernate does not
     * plan-cache even without filters).
     */
    @Query(value = "select t from Todo t", countQuery = "select count(t) from Todo t")
    Page<Todo> pageAll(Pageable pageable);

    // ---- a page with a field-level rule (Todo.note: its owner's only)

    /** Enforced side: Rowguard adds the row filter and the note's CASE. */
    @Query("select new dev.rowguard.bench.TodoNote(t.id, t.title, t.note) from Todo t")
    List<TodoNote> notesPage(Pageable pageable);

    /** The same by hand: the expert's condition and the field rule's CASE. */
    @Query("select new dev.rowguard.bench.TodoNote(t.id, t.title, case when t.owner.id = :me then t.note end)"
            + " from Todo t where " + EXPERT)
    List<TodoNote> notesPageByHand(@Param("me") String me, Pageable pageable);

    // ---- short queries

    @Query("select t from Todo t where t.id = :id and " + EXPERT)
    Optional<Todo> findVisibleById(@Param("id") Long id, @Param("me") String me);

    /**
     * The default's semantics (the rule and the hidden-reference checks) by id, written
     * by hand.
     */
    @Query("select t from Todo t where t.id = :id and " + EXPERT_HIDE_ROW)
    Optional<Todo> findVisibleByIdHideRow(@Param("id") Long id, @Param("me") String me);

    /** The default's semantics by id, row-driven, by hand. */
    @Query("select t from Todo t where t.id = :id and " + EXPERT_HIDE_ROW_BY_ROW)
    Optional<Todo> findVisibleByIdByRow(@Param("id") Long id, @Param("me") String me);

    /** The default's semantics by id, row-driven, by hand, as existsById asks. */
    @Query("select count(t) from Todo t where t.id = :id and " + EXPERT_HIDE_ROW_BY_ROW)
    long countVisibleByIdByRow(@Param("id") Long id, @Param("me") String me);

    @Query("select count(t) from Todo t where t.id = :id and " + EXPERT)
    long countVisibleById(@Param("id") Long id, @Param("me") String me);

    /** Enforced side of the one-row JPQL query: Rowguard adds the condition. */
    @Query("select t from Todo t where t.id = :id")
    Optional<Todo> jpqlById(@Param("id") Long id);

}
