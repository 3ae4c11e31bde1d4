package dev.rowguard.policy;

import java.util.List;

/**
 * One or more {@code @Allow} / {@code @Deny} rules do not parse or do not type-check, or
 * an entity is mapped in a way Rowguard cannot enforce. Thrown at start-up; the message
 * names each entity, annotation and expression, with a caret under the mistake, or the
 * mapping and what to change.
 */
public class PolicyDefinitionException extends RuntimeException {

    private final List<String> problems;

    public PolicyDefinitionException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " policy problems:\n\n" + String.join("\n\n", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * One problem, caused by a failure inside the mapping Rowguard read.
     * @param problem the entity and what to change
     * @param cause the failure
     */
    public PolicyDefinitionException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, fully described. */
    public List<String> problems() {
        return problems;
    }

}
