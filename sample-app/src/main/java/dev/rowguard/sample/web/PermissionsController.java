package dev.rowguard.sample.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PermissionPlan;
import dev.rowguard.policy.Permissions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/permissions?entity=Post}: what the caller may do with the entity's rows
 * before any row is at hand, per operation (always, never, or the condition a row must
 * meet), for a UI to decide which buttons to show.
 */
@RestController
class PermissionsController {

    private static final Operation[] OPERATIONS = { Operation.CREATE, Operation.READ, Operation.UPDATE,
            Operation.DELETE };

    private final Permissions permissions;

    private final EntityManagerFactory entityManagerFactory;

    PermissionsController(Permissions permissions, EntityManagerFactory entityManagerFactory) {
        this.permissions = permissions;
        this.entityManagerFactory = entityManagerFactory;
    }

    @GetMapping("/api/permissions")
    Map<Operation, PermissionPlan> plans(@RequestParam String entity) {
        Class<?> type = entityManagerFactory.getMetamodel()
            .getEntities()
            .stream()
            .filter(candidate -> candidate.getName().equals(entity))
            .map(EntityType::getJavaType)
            .findFirst()
            .orElseThrow(() -> NotFound.of("entity"));
        Map<Operation, PermissionPlan> plans = new LinkedHashMap<>();
        for (Operation operation : OPERATIONS) {
            plans.put(operation, permissions.check(type, operation));
        }
        return plans;
    }

}
