package dev.rowguard.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.rowguard.auth.internal.JwkSetCache;
import dev.rowguard.auth.internal.RowguardJwtAuthentication;
import dev.rowguard.auth.internal.TrustedIssuer;
import dev.rowguard.autoconfigure.jpa.RowguardPolicyProperties;
import dev.rowguard.hibernate.internal.PolicyRuntime;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.RuleDeclaration;
import dev.rowguard.policy.internal.sql.FilterShapes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/rowguard}: every entity with its rules per operation (effect,
 * expression, code, message), its number of read-filter shapes (their SQL with
 * {@code rowguard.actuator.show-sql=true}), the policy settings, and each trusted issuer
 * with the state of its keys. Not exposed over the web unless the application exposes it.
 */
@Endpoint(id = "rowguard")
public class RowguardEndpoint {

    private static final Operation[] OPERATIONS = { Operation.CREATE, Operation.READ, Operation.UPDATE,
            Operation.POST_UPDATE, Operation.DELETE };

    private final List<PolicyRuntime> runtimes;

    private final @Nullable RowguardJwtAuthentication authentication;

    private final RowguardPolicyProperties policy;

    private final boolean showSql;

    public RowguardEndpoint(List<PolicyRuntime> runtimes, @Nullable RowguardJwtAuthentication authentication,
            RowguardPolicyProperties policy, boolean showSql) {
        this.runtimes = runtimes;
        this.authentication = authentication;
        this.policy = policy;
        this.showSql = showSql;
    }

    @ReadOperation
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("settings", Map.of("unannotated", policy.getUnannotated().name().toLowerCase(Locale.ROOT),
                "hiddenReferences", policy.getHiddenReferences().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        Map<String, Object> entities = new LinkedHashMap<>();
        for (PolicyRuntime runtime : runtimes) {
            Map<String, List<FilterShapes.FilterShape>> shapes = runtime.readFilterShapes();
            PolicySet policies = runtime.policies();
            for (String entity : policies.entities()) {
                entities.put(entity, entity(policies, entity, shapes.getOrDefault(entity, List.of())));
            }
        }
        description.put("entities", entities);
        description.put("issuers", issuers());
        return description;
    }

    private Map<String, Object> entity(PolicySet policies, String entity, List<FilterShapes.FilterShape> shapes) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("annotated", !policies.unannotatedEntities().contains(entity));
        described.put("rules", byOperation(policies.declarations(entity), List.of(OPERATIONS)));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : policies.fieldRules().fields(entity)) {
            fields.put(field, byOperation(policies.fieldRules().declarations(entity, field),
                    List.of(Operation.READ, Operation.UPDATE)));
        }
        if (!fields.isEmpty()) {
            described.put("fieldRules", fields);
        }
        described.put("readFilterShapes", shapes.size());
        if (showSql) {
            described.put("readFilterSql", shapes.stream().map(FilterShapes.FilterShape::sql).toList());
        }
        return described;
    }

    private static Map<String, Object> byOperation(List<RuleDeclaration> declarations, List<Operation> operations) {
        Map<String, Object> rules = new LinkedHashMap<>();
        for (Operation operation : operations) {
            List<Map<String, Object>> forOperation = new ArrayList<>();
            for (RuleDeclaration declaration : declarations) {
                if (declaration.covers(operation)) {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("effect", declaration.allow() ? "ALLOW" : "DENY");
                    rule.put("expression", declaration.expression());
                    if (declaration.code() != null) {
                        rule.put("code", declaration.code());
                    }
                    if (declaration.message() != null) {
                        rule.put("message", declaration.message());
                    }
                    forOperation.add(rule);
                }
            }
            if (!forOperation.isEmpty()) {
                rules.put(operation.name(), forOperation);
            }
        }
        return rules;
    }

    private List<Map<String, Object>> issuers() {
        List<Map<String, Object>> issuers = new ArrayList<>();
        if (authentication == null) {
            return issuers;
        }
        for (TrustedIssuer issuer : authentication.trustedIssuers().values()) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("provider", issuer.provider());
            described.put("issuer", issuer.issuer());
            JwkSetCache keys = issuer.keys();
            if (keys == null) {
                described.put("keys", "shared secret (HS256)");
            }
            else {
                JwkSetCache.Status status = keys.status();
                described.put("jwks", keys.location());
                described.put("keyIds", status.keyIds());
                described.put("lastFetched", status.fetchedAt());
                described.put("lastFailure", status.lastFailure());
                described.put("unavailable", status.unavailable());
            }
            issuers.add(described);
        }
        return issuers;
    }

}
