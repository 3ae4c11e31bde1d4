package dev.rowguard.policy.internal.syntax;

import java.util.ArrayList;
import java.util.List;

/** Splits a policy expression into tokens. */
final class Lexer {

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "?[", "![", "^[", "<",
            ">", "!", "(", ")", "[", "]", ".", ",");

    private final String source;

    private int index;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= source.length()) {
                tokens.add(new Token(Token.Kind.END, "", index));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = source.charAt(index);
        int start = index;
        if (c == '\'' || c == '"') {
            return string(c);
        }
        boolean negative = c == '-' && index + 1 < source.length() && Character.isDigit(source.charAt(index + 1));
        if (Character.isDigit(c) || negative) {
            if (negative) {
                index++;
            }
            while (index < source.length() && Character.isDigit(source.charAt(index))) {
                index++;
            }
            if (index + 1 < source.length() && source.charAt(index) == '.'
                    && Character.isDigit(source.charAt(index + 1))) {
                index++;
                while (index < source.length() && Character.isDigit(source.charAt(index))) {
                    index++;
                }
            }
            return new Token(Token.Kind.NUMBER, source.substring(start, index), start);
        }
        if (Character.isJavaIdentifierStart(c)) {
            while (index < source.length() && Character.isJavaIdentifierPart(source.charAt(index))) {
                index++;
            }
            return new Token(Token.Kind.IDENTIFIER, source.substring(start, index), start);
        }
        for (String operator : OPERATORS) {
            if (source.startsWith(operator, index)) {
                index += operator.length();
                return new Token(Token.Kind.OPERATOR, operator, start);
            }
        }
        if (c == '=' || c == '&' || c == '|') {
            throw new PolicySyntaxException("unexpected '" + c + "': did you mean '" + c + c + "'?", start);
        }
        throw new PolicySyntaxException("unexpected character '" + c + "'", start);
    }

    private Token string(char quote) {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (index < source.length()) {
            char c = source.charAt(index++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, value.toString(), start);
            }
            if (c == '\\' && index < source.length()) {
                char escaped = source.charAt(index++);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
            }
            else {
                value.append(c);
            }
        }
        throw new PolicySyntaxException("unterminated string", start);
    }

    private void skipWhitespace() {
        while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
            index++;
        }
    }

}
