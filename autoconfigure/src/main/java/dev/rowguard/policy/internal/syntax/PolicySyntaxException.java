package dev.rowguard.policy.internal.syntax;

/**
 * A mistake at a known place of a policy expression; the caller adds which policy it was.
 */
public class PolicySyntaxException extends RuntimeException {

    private final int position;

    public PolicySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }

}
