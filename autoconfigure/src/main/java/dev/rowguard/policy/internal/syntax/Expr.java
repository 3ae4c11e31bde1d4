package dev.rowguard.policy.internal.syntax;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The syntax tree of a policy expression, exactly as written. Every node keeps the offset
 * of its first character so that errors can point at it.
 */
public sealed interface Expr {

    int position();

    /**
     * {@code 'text'}, a number (as {@link java.math.BigDecimal}), {@code true},
     * {@code false} or {@code null}.
     */
    record Literal(@Nullable Object value, int position) implements Expr {
    }

    /** {@code ['a', 'b']} */
    record ListLiteral(List<Expr> items, int position) implements Expr {
    }

    /** A bare name: an attribute of the entity in scope. */
    record Name(String name, int position) implements Expr {
    }

    /** {@code this} */
    record This(int position) implements Expr {
    }

    /** {@code target.name} */
    record Member(Expr target, String name, int position) implements Expr {
    }

    /** {@code !operand} */
    record Not(Expr operand, int position) implements Expr {
    }

    record Binary(BinaryOperator operator, Expr left, Expr right, int position) implements Expr {
    }

    /**
     * {@code collection?[condition]}, {@code collection![condition]},
     * {@code collection^[condition]}, each optionally naming its element first:
     * {@code collection?[m, condition]}.
     *
     * @param binding the element's name, or null
     * @param bindingPosition where the name is written (the predicate's position without
     * one)
     */
    record Quantified(Expr collection, Quantifier quantifier, @Nullable String binding, int bindingPosition,
            Expr condition, int position) implements Expr {
    }

    /**
     * {@code auth()}, {@code now()}, {@code before()}, {@code has(a, b)},
     * {@code check(rel, 'read')}...
     */
    record Call(String function, List<Expr> arguments, int position) implements Expr {
    }

}
