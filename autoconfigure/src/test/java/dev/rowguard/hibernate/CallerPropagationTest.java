package dev.rowguard.hibernate;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.Rowguard;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.TodoRepository;
import dev.rowguard.testsupport.WithTestPostgres;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller flows across threads the Boot way: {@code Rowguard.runAs} through
 * Micrometer's context propagation ({@code @Async} with Boot's task decorator, a
 * decorated executor, {@code ContextSnapshot}), a Spring Security context through Spring
 * Security's own {@code DelegatingSecurityContext*}. A task submitted without a caller
 * stays anonymous.
 */
@SpringBootTest(classes = { EnforcementTestApplication.class, CallerPropagationTest.AsyncConfiguration.class })
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerPropagationTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TodoRepository todos;

    @Autowired
    AsyncCounter counter;

    ThreadPoolTaskExecutor decorated;

    ExecutorService plain;

    long alicesTodos;

    long bobsTodos;

    @BeforeAll
    void load() {
        TodoFixture.load(em, tx);
        alicesTodos = Rowguard.runAs(ALICE, () -> todos.count());
        bobsTodos = Rowguard.runAs(BOB, () -> todos.count());
        decorated = new ThreadPoolTaskExecutor();
        decorated.setCorePoolSize(1);
        decorated.setTaskDecorator(new ContextPropagatingTaskDecorator());
        decorated.initialize();
        plain = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    void stop() {
        decorated.shutdown();
        plain.shutdownNow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAsyncMethodRunsAsTheCallerThatCalledIt() throws Exception {
        assertThat(alicesTodos).isNotEqualTo(bobsTodos);
        assertThat(Rowguard.runAs(ALICE, () -> counter.countTodos()).get()).isEqualTo(alicesTodos);
        assertThat(Rowguard.runAs(BOB, () -> counter.countTodos()).get()).isEqualTo(bobsTodos);
        assertThat(counter.countTodos().get()).as("called without a caller").isZero();
    }

    @Test
    void supplyAsyncOnADecoratedExecutorRunsAsTheCaller() throws Exception {
        CompletableFuture<Long> asAlice = Rowguard.runAs(ALICE,
                () -> CompletableFuture.supplyAsync(() -> todos.count(), decorated));
        assertThat(asAlice.get()).isEqualTo(alicesTodos);
        assertThat(CompletableFuture.supplyAsync(() -> todos.count(), decorated).get())
            .as("the pool thread keeps nothing from the previous task")
            .isZero();
    }

    @Test
    void aContextSnapshotCarriesTheCallerToAPlainThread() throws Exception {
        long[] counted = new long[1];
        Runnable task = Rowguard.runAs(BOB,
                (java.util.function.Supplier<Runnable>) () -> ContextSnapshotFactory.builder()
                    .build()
                    .captureAll()
                    .wrap((Runnable) () -> counted[0] = todos.count()));
        Thread thread = new Thread(task);
        thread.start();
        thread.join();
        assertThat(counted[0]).isEqualTo(bobsTodos);
    }

    @Test
    void aTaskSubmittedWithoutACallerStaysAnonymousOnAThreadThatJustRanAsTheSystem() throws Exception {
        long everything = Rowguard.asSystem((java.util.function.Supplier<Long>) () -> todos.count());
        java.util.concurrent.Future<Long> asSystem = Rowguard
            .asSystem((java.util.function.Supplier<java.util.concurrent.Future<Long>>) () -> decorated
                .submit(() -> todos.count()));
        assertThat(asSystem.get()).isEqualTo(everything).isGreaterThan(alicesTodos);
        assertThat(decorated.submit(() -> todos.count()).get()).isZero();
        assertThat(plain.submit(() -> todos.count()).get()).isZero();
    }

    @Test
    void springSecuritysDelegatingExecutorCarriesAnyAuthenticationToTheTask() throws Exception {
        Jwt jwt = Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("alice")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
        SecurityContextHolder.getContext()
            .setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.NO_AUTHORITIES));
        Executor delegating = new DelegatingSecurityContextExecutor(plain);
        CompletableFuture<Long> counted = CompletableFuture.supplyAsync(() -> todos.count(), delegating);
        assertThat(counted.get()).isEqualTo(alicesTodos);
    }

    @Test
    void aVirtualThreadRunsAsTheCallerWhenItsTaskIsWrapped() throws Exception {
        java.lang.reflect.Method factory;
        try {
            factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        }
        catch (NoSuchMethodException ex) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "virtual threads need Java 21");
            return;
        }
        ExecutorService virtual = io.micrometer.context.ContextExecutorService
            .wrap((ExecutorService) factory.invoke(null), () -> ContextSnapshotFactory.builder().build().captureAll());
        try {
            java.util.concurrent.Future<Long> asAlice = Rowguard.runAs(ALICE,
                    (java.util.function.Supplier<java.util.concurrent.Future<Long>>) () -> virtual
                        .submit(() -> todos.count()));
            assertThat(asAlice.get()).isEqualTo(alicesTodos);
            assertThat(virtual.submit(() -> todos.count()).get()).as("submitted without a caller").isZero();
        }
        finally {
            virtual.shutdownNow();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncConfiguration {

        @Bean
        TaskDecorator contextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }

        @Bean
        AsyncCounter asyncCounter(TodoRepository todos) {
            return new AsyncCounter(todos);
        }

    }

    @Service
    static class AsyncCounter {

        private final TodoRepository todos;

        AsyncCounter(TodoRepository todos) {
            this.todos = todos;
        }

        @Async
        public CompletableFuture<Long> countTodos() {
            return CompletableFuture.completedFuture(todos.count());
        }

    }

}
