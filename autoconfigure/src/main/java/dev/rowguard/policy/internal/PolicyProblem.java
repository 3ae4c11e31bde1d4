package dev.rowguard.policy.internal;

/** Formats one mistake in a policy the way start-up reports it. */
final class PolicyProblem {

    private PolicyProblem() {
    }

    static String describe(RuleDeclaration rule, int position, String message) {
        StringBuilder text = new StringBuilder();
        text.append("Invalid policy on entity ").append(rule.entity()).append(":\n");
        text.append("  ").append(rule.describe()).append('\n');
        String expression = rule.expression().replace('\n', ' ').replace('\t', ' ');
        text.append("    ").append(expression).append('\n');
        text.append("    ").append(" ".repeat(Math.max(0, Math.min(position, expression.length())))).append("^\n");
        text.append("  ").append(message).append(" (column ").append(position + 1).append(')');
        return text.toString();
    }

}
