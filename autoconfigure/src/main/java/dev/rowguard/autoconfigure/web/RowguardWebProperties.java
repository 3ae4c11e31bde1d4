package dev.rowguard.autoconfigure.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Rowguard answers web requests.
 */
@ConfigurationProperties("rowguard.web")
public class RowguardWebProperties {

    /**
     * Whether a {@code sort} request parameter may name an attribute of a related entity
     * ({@code sort=list.title}): {@code refuse} (the default) answers 400, since the
     * order would follow rows the caller may not be able to read; {@code allow} leaves it
     * to Spring Data.
     */
    private SortThroughRelations sortThroughRelations = SortThroughRelations.REFUSE;

    /**
     * Whether a 403 problem lists the expressions of the rules that decided it
     * ({@code rules}). Off by default: rules describe the data model. Their authors'
     * {@code code} and {@code message} are always included.
     */
    private boolean exposeRules;

    public boolean isExposeRules() {
        return exposeRules;
    }

    public void setExposeRules(boolean exposeRules) {
        this.exposeRules = exposeRules;
    }

    public SortThroughRelations getSortThroughRelations() {
        return sortThroughRelations;
    }

    public void setSortThroughRelations(SortThroughRelations sortThroughRelations) {
        this.sortThroughRelations = sortThroughRelations;
    }

    public enum SortThroughRelations {

        /** 400, naming the parameter. */
        REFUSE,
        /** Spring Data sorts by the related attribute. */
        ALLOW

    }

}
