package dev.rowguard.policy.internal.syntax;

/** The three collection predicates. */
public enum Quantifier {

    /** {@code ?[ ]}: some element satisfies the condition. */
    SOME("?["),
    /** {@code ![ ]}: every element satisfies it (true for an empty collection). */
    EVERY("!["),
    /** {@code ^[ ]}: no element satisfies it. */
    NONE("^[");

    private final String symbol;

    Quantifier(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

}
