package dev.rowguard.policy.internal.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for the policy language. Precedence, loosest first: {@code ||}
 * or {@code &&} (one of them per level: mixing them needs parentheses), comparisons and
 * {@code in} (not chainable), {@code !}, then member access, collection predicates and
 * calls.
 */
public final class Parser {

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "this", "in");

    private final List<Token> tokens;

    private final String source;

    private int current;

    private Parser(List<Token> tokens, String source) {
        this.tokens = tokens;
        this.source = source;
    }

    public static Expr parse(String source) {
        Parser parser = new Parser(Lexer.tokenize(source), source);
        if (parser.peek().kind() == Token.Kind.END) {
            throw new PolicySyntaxException("the expression is empty", 0);
        }
        Expr expr = parser.or();
        Token trailing = parser.peek();
        if (trailing.kind() != Token.Kind.END) {
            throw new PolicySyntaxException("unexpected " + trailing.describe() + " after a complete expression",
                    trailing.position());
        }
        return expr;
    }

    /**
     * A chain of {@code ||} or of {@code &&}. One that mixes both without parentheses is
     * refused: ZenStack reads such a chain left to right, Rowguard would bind {@code &&}
     * tighter, and a rule copied from one to the other could silently mean more.
     */
    private Expr or() {
        int start = peek().position();
        List<Expr> operands = new ArrayList<>();
        List<Token> operators = new ArrayList<>();
        operands.add(comparison());
        while (peek().is("||") || peek().is("&&")) {
            operators.add(advance());
            operands.add(comparison());
        }
        Token mixed = operators.stream()
            .filter(operator -> !operator.is(operators.get(0).text()))
            .findFirst()
            .orElse(null);
        if (mixed != null) {
            throw new PolicySyntaxException(mixedMessage(start, operators), mixed.position());
        }
        Expr chain = operands.get(0);
        for (int i = 0; i < operators.size(); i++) {
            chain = new Expr.Binary(operators.get(i).is("||") ? BinaryOperator.OR : BinaryOperator.AND, chain,
                    operands.get(i + 1), operators.get(i).position());
        }
        return chain;
    }

    private String mixedMessage(int start, List<Token> operators) {
        List<String> texts = new ArrayList<>();
        int from = start;
        for (Token operator : operators) {
            texts.add(source.substring(from, operator.position()).trim());
            from = operator.position() + operator.text().length();
        }
        texts.add(source.substring(from, peek().kind() == Token.Kind.END ? source.length() : peek().position()).trim());
        return "'&&' and '||' are mixed without parentheses, which ZenStack reads left to right as "
                + leftToRight(texts, operators) + " and Rowguard would read as " + andFirst(texts, operators)
                + "; write the parentheses you mean";
    }

    private static String leftToRight(List<String> texts, List<Token> operators) {
        String reading = texts.get(0);
        for (int i = 0; i < operators.size(); i++) {
            reading = (i == 0 ? reading : "(" + reading + ")") + " " + operators.get(i).text() + " " + texts.get(i + 1);
        }
        return reading;
    }

    private static String andFirst(List<String> texts, List<Token> operators) {
        List<String> disjuncts = new ArrayList<>();
        List<String> conjunction = new ArrayList<>(List.of(texts.get(0)));
        for (int i = 0; i < operators.size(); i++) {
            if (operators.get(i).is("||")) {
                disjuncts
                    .add(conjunction.size() == 1 ? conjunction.get(0) : "(" + String.join(" && ", conjunction) + ")");
                conjunction = new ArrayList<>();
            }
            conjunction.add(texts.get(i + 1));
        }
        disjuncts.add(conjunction.size() == 1 ? conjunction.get(0) : "(" + String.join(" && ", conjunction) + ")");
        return String.join(" || ", disjuncts);
    }

    private Expr comparison() {
        Expr left = unary();
        BinaryOperator operator = comparisonOperator(peek());
        if (operator == null) {
            return left;
        }
        Token token = advance();
        Expr right = unary();
        if (comparisonOperator(peek()) != null) {
            throw new PolicySyntaxException("comparisons do not chain: add parentheses or use &&", peek().position());
        }
        return new Expr.Binary(operator, left, right, token.position());
    }

    private static @Nullable BinaryOperator comparisonOperator(Token token) {
        if (token.kind() == Token.Kind.IDENTIFIER && token.text().equals("in")) {
            return BinaryOperator.IN;
        }
        if (token.kind() != Token.Kind.OPERATOR) {
            return null;
        }
        return switch (token.text()) {
            case "==" -> BinaryOperator.EQ;
            case "!=" -> BinaryOperator.NE;
            case "<" -> BinaryOperator.LT;
            case "<=" -> BinaryOperator.LE;
            case ">" -> BinaryOperator.GT;
            case ">=" -> BinaryOperator.GE;
            default -> null;
        };
    }

    private Expr unary() {
        if (peek().is("!")) {
            Token bang = advance();
            return new Expr.Not(unary(), bang.position());
        }
        return postfix();
    }

    private Expr postfix() {
        Expr expr = primary();
        while (true) {
            Token token = peek();
            if (token.is(".")) {
                advance();
                Token name = expect(Token.Kind.IDENTIFIER, "a member name after '.'");
                expr = new Expr.Member(expr, name.text(), name.position());
            }
            else if (token.is("?[") || token.is("![") || token.is("^[")) {
                advance();
                Quantifier quantifier = token.is("?[") ? Quantifier.SOME
                        : token.is("![") ? Quantifier.EVERY : Quantifier.NONE;
                Token binding = binding();
                Expr condition = or();
                expectOperator("]", "']' to close the collection predicate opened");
                expr = new Expr.Quantified(expr, quantifier, binding == null ? null : binding.text(),
                        binding == null ? token.position() : binding.position(), condition, token.position());
            }
            else {
                return expr;
            }
        }
    }

    private Expr primary() {
        Token token = advance();
        switch (token.kind()) {
            case STRING:
                return new Expr.Literal(token.text(), token.position());
            case NUMBER:
                return new Expr.Literal(new BigDecimal(token.text()), token.position());
            case IDENTIFIER:
                return identifier(token);
            case OPERATOR:
                if (token.is("(")) {
                    Expr inner = or();
                    expectOperator(")", "')' to close the parenthesis opened");
                    return inner;
                }
                if (token.is("[")) {
                    return list(token);
                }
                throw new PolicySyntaxException("expected a value, a name or '(' but found " + token.describe(),
                        token.position());
            default:
                throw new PolicySyntaxException("the expression ends too early: expected a value, a name or '('",
                        token.position());
        }
    }

    private Expr identifier(Token token) {
        switch (token.text()) {
            case "true":
                return new Expr.Literal(Boolean.TRUE, token.position());
            case "false":
                return new Expr.Literal(Boolean.FALSE, token.position());
            case "null":
                return new Expr.Literal(null, token.position());
            case "this":
                return new Expr.This(token.position());
            case "in":
                throw new PolicySyntaxException("expected a value before 'in'", token.position());
            default:
                break;
        }
        if (!peek().is("(")) {
            return new Expr.Name(token.text(), token.position());
        }
        advance();
        List<Expr> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(or());
            }
            while (match(","));
        }
        expectOperator(")", "')' to close the arguments of " + token.text() + "(");
        return new Expr.Call(token.text(), List.copyOf(arguments), token.position());
    }

    private Expr list(Token open) {
        List<Expr> items = new ArrayList<>();
        if (!peek().is("]")) {
            do {
                items.add(or());
            }
            while (match(","));
        }
        expectOperator("]", "']' to close the list");
        return new Expr.ListLiteral(List.copyOf(items), open.position());
    }

    private boolean match(String operator) {
        if (peek().is(operator)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw new PolicySyntaxException("expected " + what + " but found " + token.describe(), token.position());
        }
        return advance();
    }

    private void expectOperator(String operator, String what) {
        Token token = peek();
        if (!token.is(operator)) {
            throw new PolicySyntaxException("expected " + what + " but found " + token.describe(), token.position());
        }
        advance();
    }

    /**
     * The element's name in {@code rel?[m, condition]}: a name followed by a comma, or
     * null.
     */
    private @Nullable Token binding() {
        Token name = peek();
        if (name.kind() != Token.Kind.IDENTIFIER || current + 1 >= tokens.size() || !tokens.get(current + 1).is(",")) {
            return null;
        }
        if (KEYWORDS.contains(name.text())) {
            throw new PolicySyntaxException("'" + name.text() + "' cannot name a collection element", name.position());
        }
        advance();
        advance();
        return name;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token advance() {
        Token token = tokens.get(current);
        if (token.kind() != Token.Kind.END) {
            current++;
        }
        return token;
    }

}
