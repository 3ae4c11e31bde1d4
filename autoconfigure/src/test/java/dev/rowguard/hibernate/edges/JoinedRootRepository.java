package dev.rowguard.hibernate.edges;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JoinedRootRepository extends JpaRepository<JoinedRoot, Long> {

    @Modifying
    @Query("update JoinedRoot r set r.title = :title where r.id = :id")
    int retitle(@Param("id") Long id, @Param("title") String title);

}
