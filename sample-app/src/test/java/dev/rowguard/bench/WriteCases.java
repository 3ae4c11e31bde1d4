package dev.rowguard.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.sample.domain.Post;
import dev.rowguard.sample.domain.Todo;
import dev.rowguard.sample.domain.TodoList;
import dev.rowguard.sample.domain.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write cases of one context (enforced or policies off), each one transaction as user
 * 1: create, update and delete of a {@link Post} (its rule reads only its own columns,
 * {@code auth().id == authorId}) and of a {@link Todo} (its rule follows the list
 * relation). Updates and deletes load the row first ({@code find}), as an application
 * does; deletes take rows the create case made, so a measured run leaves the tables as it
 * found them.
 */
final class WriteCases {

    private final AuthPrincipal me;

    private final TransactionTemplate transaction;

    private final EntityManager entityManager;

    private final long ownList;

    private final long postToUpdate;

    private final long todoToUpdate;

    private final Deque<Long> postsToDelete = new ArrayDeque<>();

    private final Deque<Long> todosToDelete = new ArrayDeque<>();

    /**
     * Shared by both sides, so that an update always changes the title (both sides update
     * the same todo).
     */
    private static final java.util.concurrent.atomic.AtomicLong CHANGES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param ownList a list user 1 owns (Todo's rule holds through
     * {@code list.owner == auth()})
     * @param todoToUpdate a todo in that list
     */
    WriteCases(ConfigurableApplicationContext context, AuthPrincipal me, long ownList, long todoToUpdate) {
        this.me = me;
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.entityManager = SharedEntityManagerCreator
            .createSharedEntityManager(context.getBean(EntityManagerFactory.class));
        this.ownList = ownList;
        this.todoToUpdate = todoToUpdate;
        this.postToUpdate = createPost();
        for (int i = 0; i < 3; i++) {
            postsToDelete.push(createPost());
            todosToDelete.push(createTodo());
        }
    }

    /**
     * An empty transaction (what every write pays before its statements: the session,
     * Rowguard's set-up of it, begin and commit), then create, update and delete of a
     * post, then of a todo: the order the report lists them in.
     */
    List<TodoBenchmark.Case> cases(String side) {
        return List.of(
                new TodoBenchmark.Case("empty transaction (no statement), " + side,
                        () -> inTransaction(() -> entityManager.isJoinedToTransaction())),
                new TodoBenchmark.Case("post create (own-column rule), " + side, () -> {
                    long id = createPost();
                    postsToDelete.push(id);
                    return id;
                }), new TodoBenchmark.Case("post update (find + change), " + side, this::updatePost),
                new TodoBenchmark.Case("post delete (find + remove), " + side, () -> deletePost(postsToDelete.pop())),
                new TodoBenchmark.Case("todo create (relation rule), " + side, () -> {
                    long id = createTodo();
                    todosToDelete.push(id);
                    return id;
                }), new TodoBenchmark.Case("todo update (find + change), " + side, this::updateTodo),
                new TodoBenchmark.Case("todo delete (find + remove), " + side, () -> deleteTodo(todosToDelete.pop())));
    }

    /**
     * Deletes the rows this side created and still holds, so the dataset is as loaded.
     */
    void cleanUp() {
        inTransaction(() -> {
            for (long id : postsToDelete) {
                entityManager.remove(entityManager.find(Post.class, id));
            }
            entityManager.remove(entityManager.find(Post.class, postToUpdate));
            for (long id : todosToDelete) {
                entityManager.remove(entityManager.find(Todo.class, id));
            }
            return Boolean.TRUE;
        });
        postsToDelete.clear();
        todosToDelete.clear();
    }

    private long createPost() {
        return inTransaction(() -> {
            Post post = new Post("draft " + CHANGES.incrementAndGet(), "text", false, me.id());
            entityManager.persist(post);
            entityManager.flush();
            return post.getId();
        });
    }

    private Object updatePost() {
        return inTransaction(() -> {
            entityManager.find(Post.class, postToUpdate).setTitle("edited " + CHANGES.incrementAndGet());
            return Boolean.TRUE;
        });
    }

    private Object deletePost(long id) {
        return inTransaction(() -> {
            entityManager.remove(entityManager.find(Post.class, id));
            return Boolean.TRUE;
        });
    }

    private long createTodo() {
        return inTransaction(() -> {
            Todo todo = new Todo(entityManager.getReference(TodoList.class, ownList),
                    entityManager.getReference(User.class, me.id()), "todo " + CHANGES.incrementAndGet());
            entityManager.persist(todo);
            entityManager.flush();
            return todo.getId();
        });
    }

    private Object updateTodo() {
        return inTransaction(() -> {
            entityManager.find(Todo.class, todoToUpdate).setTitle("edited " + CHANGES.incrementAndGet());
            return Boolean.TRUE;
        });
    }

    private Object deleteTodo(long id) {
        return inTransaction(() -> {
            entityManager.remove(entityManager.find(Todo.class, id));
            return Boolean.TRUE;
        });
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return Rowguard.runAs(me, () -> transaction.execute(status -> work.get()));
    }

}
