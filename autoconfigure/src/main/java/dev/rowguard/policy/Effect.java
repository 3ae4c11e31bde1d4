package dev.rowguard.policy;

/** What a rule does when its condition holds: an {@link Allow} or a {@link Deny}. */
public enum Effect {

    /**
     * An {@link Allow}: the operation is permitted when some allow holds and no deny
     * does.
     */
    ALLOW,

    /**
     * A {@link Deny}: the operation is refused when it holds, whatever the allows say.
     */
    DENY

}
