package dev.rowguard.policy.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.rowguard.policy.Operation;

/** One {@code @Allow} or {@code @Deny} as the developer wrote it. */
public record RuleDeclaration(String entity, boolean allow, List<Operation> operations, String expression) {

    public RuleDeclaration {
        operations = List.copyOf(operations);
    }

    public static RuleDeclaration allow(String entity, String expression, Operation... operations) {
        return new RuleDeclaration(entity, true, Arrays.asList(operations), expression);
    }

    public static RuleDeclaration deny(String entity, String expression, Operation... operations) {
        return new RuleDeclaration(entity, false, Arrays.asList(operations), expression);
    }

    public boolean covers(Operation operation) {
        return operations.stream().anyMatch(declared -> declared.covers(operation));
    }

    /** As it reads in the source: {@code @Allow(value = READ, when = "published")}. */
    public String describe() {
        String value = operations.size() == 1 ? operations.get(0).name()
                : operations.stream().map(Operation::name).collect(Collectors.joining(", ", "{", "}"));
        return "@" + (allow ? "Allow" : "Deny") + "(value = " + value + ", when = \""
                + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
    }
}
