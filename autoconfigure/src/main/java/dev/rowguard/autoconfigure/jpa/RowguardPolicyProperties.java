package dev.rowguard.autoconfigure.jpa;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Rowguard enforces entity policies.
 */
@ConfigurationProperties("rowguard.policy")
public class RowguardPolicyProperties {

    /**
     * What happens to entities that carry no {@code @Allow} or {@code @Deny}:
     * {@code deny} closes them to every caller but the system context (the default,
     * secure); {@code allow} leaves them open. Either way start-up lists them in a
     * warning.
     */
    private Unannotated unannotated = Unannotated.DENY;

    /**
     * The most SQL shapes one entity's read rule may fold to for different callers (each
     * becomes a Hibernate filter). Rules whose {@code auth()}-only parts multiply beyond
     * this fail start-up.
     */
    private int maxFilterShapes = 64;

    /**
     * A readable row whose to-one relation points at a row the caller may not read:
     * {@code hide-row} (the default) hides it too, so walking any relation of a row never
     * fails; {@code unchecked} leaves it visible and touching the relation then throws
     * {@code EntityNotFoundException} (404 over HTTP), which saves the extra conditions
     * in every read filter.
     */
    private HiddenReferences hiddenReferences = HiddenReferences.HIDE_ROW;

    /**
     * Whether Rowguard enforces policies at all. Turning it off leaves every entity open.
     */
    private boolean enabled = true;

    public Unannotated getUnannotated() {
        return unannotated;
    }

    public void setUnannotated(Unannotated unannotated) {
        this.unannotated = unannotated;
    }

    public int getMaxFilterShapes() {
        return maxFilterShapes;
    }

    public void setMaxFilterShapes(int maxFilterShapes) {
        this.maxFilterShapes = maxFilterShapes;
    }

    public HiddenReferences getHiddenReferences() {
        return hiddenReferences;
    }

    public void setHiddenReferences(HiddenReferences hiddenReferences) {
        this.hiddenReferences = hiddenReferences;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public enum Unannotated {

        /** Closed to every caller but the system context. */
        DENY,
        /** Open to every caller. */
        ALLOW

    }

    public enum HiddenReferences {

        /** Hide the referencing row too (ZenStack v2's semantics). */
        HIDE_ROW,
        /** Leave it visible; touching the relation fails like a dangling reference. */
        UNCHECKED

    }

}
