package dev.rowguard.policy.internal.syntax;

public enum BinaryOperator {

    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), AND("&&"), OR("||");

    private final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

}
