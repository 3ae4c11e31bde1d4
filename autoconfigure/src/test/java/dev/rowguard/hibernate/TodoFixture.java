package dev.rowguard.hibernate;

import jakarta.persistence.EntityManager;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.Space;
import dev.rowguard.hibernate.app.SpaceUser;
import dev.rowguard.hibernate.app.Todo;
import dev.rowguard.hibernate.app.TodoList;
import dev.rowguard.hibernate.app.User;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The todo domain in a small, known state, written in the system context: alice owns
 * space "Acme" (alice ADMIN, bob USER); carol owns space "Solo" alone. alice has a public
 * list (3 todos) and a private one (2 todos); bob a public list (1 todo); carol a list (4
 * todos).
 */
public final class TodoFixture {

    public static final AuthPrincipal ALICE = AuthPrincipal.of("alice");

    public static final AuthPrincipal BOB = AuthPrincipal.of("bob");

    public static final AuthPrincipal CAROL = AuthPrincipal.of("carol");

    public static final AuthPrincipal DAVE = AuthPrincipal.of("dave");

    public Long acme;

    public Long solo;

    public Long alicePublic;

    public Long alicePrivate;

    public Long bobPublic;

    public Long carolList;

    public Long alicePrivateTodo;

    public Long carolTodo;

    public static TodoFixture load(EntityManager em, TransactionTemplate tx) {
        TodoFixture fixture = new TodoFixture();
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            User alice = persist(em, new User("alice"));
            User bob = persist(em, new User("bob"));
            User carol = persist(em, new User("carol"));
            persist(em, new User("dave"));
            Space acme = persist(em, new Space("Acme", alice));
            Space solo = persist(em, new Space("Solo", carol));
            persist(em, new SpaceUser(acme, alice, SpaceUser.Role.ADMIN));
            persist(em, new SpaceUser(acme, bob, SpaceUser.Role.USER));
            persist(em, new SpaceUser(solo, carol, SpaceUser.Role.ADMIN));
            TodoList alicePublic = persist(em, new TodoList(acme, alice, "alice public", false));
            TodoList alicePrivate = persist(em, new TodoList(acme, alice, "alice private", true));
            TodoList bobPublic = persist(em, new TodoList(acme, bob, "bob public", false));
            TodoList carolList = persist(em, new TodoList(solo, carol, "carol", false));
            for (int i = 1; i <= 3; i++) {
                persist(em, new Todo(alicePublic, alice, "alice public " + i));
            }
            fixture.alicePrivateTodo = persist(em, new Todo(alicePrivate, alice, "alice private 1")).getId();
            persist(em, new Todo(alicePrivate, alice, "alice private 2"));
            persist(em, new Todo(bobPublic, bob, "bob public 1"));
            for (int i = 1; i <= 4; i++) {
                Todo todo = persist(em, new Todo(carolList, carol, "carol " + i));
                fixture.carolTodo = todo.getId();
            }
            fixture.acme = acme.getId();
            fixture.solo = solo.getId();
            fixture.alicePublic = alicePublic.getId();
            fixture.alicePrivate = alicePrivate.getId();
            fixture.bobPublic = bobPublic.getId();
            fixture.carolList = carolList.getId();
        }));
        return fixture;
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        return entity;
    }

}
