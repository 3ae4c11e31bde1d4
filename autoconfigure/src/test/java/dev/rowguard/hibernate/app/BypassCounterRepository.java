package dev.rowguard.hibernate.app;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** BypassAttemptsTest: Spring Data {@code @Modifying @Query} statements on Counter. */
public interface BypassCounterRepository extends JpaRepository<Counter, Long> {

    @Modifying
    @Query("delete from Counter c where c.x = :x")
    int deleteWhereX(@Param("x") int x);

    @Modifying
    @Query("update Counter c set c.x = :to where c.x = :from")
    int moveX(@Param("from") int from, @Param("to") int to);

}
