package dev.rowguard.policy.internal.syntax;

record Token(Kind kind, String text, int position) {

    enum Kind {

        IDENTIFIER, STRING, NUMBER, OPERATOR, END

    }

    boolean is(String operator) {
        return kind == Kind.OPERATOR && text.equals(operator);
    }

    String describe() {
        return switch (kind) {
            case END -> "the end of the expression";
            case STRING -> "a string";
            case NUMBER -> "the number " + text;
            default -> "'" + text + "'";
        };
    }
}
