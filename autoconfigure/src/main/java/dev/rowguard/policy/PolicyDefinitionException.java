package dev.rowguard.policy;

import java.util.List;

/**
 * One or more {@code @Allow} / {@code @Deny} rules do not parse or do not type-check.
 * Thrown at start-up; the message names each entity, annotation and expression, with a
 * caret under the mistake.
 */
public class PolicyDefinitionException extends RuntimeException {

    private final List<String> problems;

    public PolicyDefinitionException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " policy problems:\n\n" + String.join("\n\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, fully described. */
    public List<String> problems() {
        return problems;
    }

}
