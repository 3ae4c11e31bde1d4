package dev.rowguard.policy.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.rowguard.policy.Effect;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyRule;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @Allow} or {@code @Deny} as the developer wrote it.
 *
 * @param code the author's code for clients, or null
 * @param message the author's words for clients, or null
 * @param field the field it stands on, or null for a rule on the entity's rows
 */
public record RuleDeclaration(String entity, boolean allow, List<Operation> operations, String expression,
        @Nullable String code, @Nullable String message, @Nullable String field) {

    public RuleDeclaration {
        operations = List.copyOf(operations);
        code = code == null || code.isEmpty() ? null : code;
        message = message == null || message.isEmpty() ? null : message;
    }

    public RuleDeclaration(String entity, boolean allow, List<Operation> operations, String expression,
            @Nullable String code, @Nullable String message) {
        this(entity, allow, operations, expression, code, message, null);
    }

    public RuleDeclaration(String entity, boolean allow, List<Operation> operations, String expression) {
        this(entity, allow, operations, expression, null, null);
    }

    /** The same rule standing on one field of the entity. */
    public RuleDeclaration onField(String fieldName) {
        return new RuleDeclaration(entity, allow, operations, expression, code, message, fieldName);
    }

    public static RuleDeclaration allow(String entity, String expression, Operation... operations) {
        return new RuleDeclaration(entity, true, Arrays.asList(operations), expression);
    }

    public static RuleDeclaration deny(String entity, String expression, Operation... operations) {
        return new RuleDeclaration(entity, false, Arrays.asList(operations), expression);
    }

    /** The same rule declared on another entity (a subclass taking its root's rules). */
    public RuleDeclaration on(String otherEntity) {
        return new RuleDeclaration(otherEntity, allow, operations, expression, code, message, field);
    }

    /** This rule as it decides one operation, in its author's words. */
    public PolicyRule asRule(Operation operation) {
        return new PolicyRule(entity, operation, allow ? Effect.ALLOW : Effect.DENY, expression, code, message, field);
    }

    public boolean covers(Operation operation) {
        return operations.stream().anyMatch(declared -> declared.covers(operation));
    }

    /** As it reads in the source: {@code @Allow(value = READ, when = "published")}. */
    public String describe() {
        String value = operations.size() == 1 ? operations.get(0).name()
                : operations.stream().map(Operation::name).collect(Collectors.joining(", ", "{", "}"));
        return "@" + (allow ? "Allow" : "Deny") + "(value = " + value + ", when = \""
                + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\")"
                + (field == null ? "" : " on field " + field);
    }
}
