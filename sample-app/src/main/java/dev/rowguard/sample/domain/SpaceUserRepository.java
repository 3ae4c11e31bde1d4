package dev.rowguard.sample.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpaceUserRepository extends JpaRepository<SpaceUser, Long> {

    Page<SpaceUser> findBySpaceId(Long spaceId, Pageable pageable);

}
