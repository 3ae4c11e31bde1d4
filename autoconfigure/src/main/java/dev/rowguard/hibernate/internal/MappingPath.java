package dev.rowguard.hibernate.internal;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One way the mapping lets Hibernate reach a row of a protected entity (an entity whose
 * read rule does not hold for every caller), as the start-up walk of the mapping model
 * classifies it.
 *
 * @param entity the JPA name of the entity that holds the path
 * @param path the attribute path inside that entity ({@code seal.secret},
 * {@code entries.key})
 * @param kind the kind of mapping, which decides how the path is covered
 * @param target the JPA name of the protected entity reached, or a description when
 * several can be
 */
record MappingPath(String entity, String path, Kind kind, String target) {

    enum Coverage {

        /** Reads through the path carry the target's read filter. */
        FILTERED,
        /** Writes through the path are checked before their statements. */
        CHECKED,
        /** Rowguard cannot enforce the rules on the path: start-up fails. */
        REFUSED

    }

    /**
     * Every kind of mapping that can reach a row of another entity, and how Rowguard
     * covers it.
     */
    enum Kind {

        TO_ONE("a to-one on a foreign key to the target's id", EnumSet.of(Coverage.FILTERED, Coverage.CHECKED), null),
        SHARED_KEY_TO_ONE("a one-to-one on the shared primary key, or its inverse side (mappedBy)",
                EnumSet.of(Coverage.FILTERED), null),
        ONE_TO_MANY("a one-to-many collection", EnumSet.of(Coverage.FILTERED, Coverage.CHECKED), null),
        MANY_TO_MANY("a many-to-many collection (join table)", EnumSet.of(Coverage.FILTERED, Coverage.CHECKED), null),
        MAP_KEY_OF_ELEMENT("a map keyed by an attribute of its protected element (@MapKey)",
                EnumSet.of(Coverage.FILTERED), null),
        TO_ONE_IN_EMBEDDABLE("a to-one inside an @Embeddable", EnumSet.of(Coverage.REFUSED),
                "Hibernate loads it without the target's read filter. Map the relation on the entity itself"
                        + " (or keep the target's id as a plain column in the embeddable)"),
        TO_ONE_IN_ELEMENT_COLLECTION("a to-one inside an element collection of embeddables",
                EnumSet.of(Coverage.REFUSED),
                "Hibernate loads it without the target's read filter. Map the"
                        + " elements as an entity with its own rules and a @OneToMany to it"),
        TO_ONE_IN_ID("a to-one inside a composite id (@EmbeddedId, @IdClass, @MapsId)", EnumSet.of(Coverage.REFUSED),
                "its row is not hidden with the target. Keep the target's id as a plain id column and map the"
                        + " relation beside it with insertable = false, updatable = false"),
        TO_ONE_THROUGH_JOIN_TABLE("a to-one mapped through a @JoinTable", EnumSet.of(Coverage.REFUSED),
                "the rules cannot see the join table, so the row cannot be hidden with its target. Map it with"
                        + " @JoinColumn on the entity's table"),
        TO_ONE_ON_NON_KEY_COLUMN("a to-one joined on a column that is not the target's id (referencedColumnName)",
                EnumSet.of(Coverage.REFUSED),
                "Rowguard's rules follow foreign keys to the target's id. Join on the" + " target's id"),
        TO_ONE_ON_FORMULA("a to-one on a @JoinFormula", EnumSet.of(Coverage.REFUSED),
                "its SQL is not checked. Map it with @JoinColumn"),
        TO_ONE_ON_SEVERAL_COLUMNS("a to-one on a composite foreign key", EnumSet.of(Coverage.REFUSED),
                "the rules cannot follow it, so its row cannot be hidden with its target. Give the target a single"
                        + " id column"),
        TO_ONE_IGNORING_MISSING_ROWS("a to-one with @NotFound(IGNORE) under hidden-references: unchecked",
                EnumSet.of(Coverage.REFUSED),
                "a hidden target reads as null and the next update of the row would"
                        + " write that null over the foreign key. Remove @NotFound(IGNORE), or use hidden-references:"
                        + " hide-row"),
        ANY("an @Any association", EnumSet.of(Coverage.REFUSED),
                "Hibernate loads @Any targets without their read" + " filter. Map one to-one per target entity"),
        MANY_TO_ANY("a @ManyToAny collection", EnumSet.of(Coverage.REFUSED),
                "Hibernate loads @ManyToAny elements"
                        + " without their read filter. Map one collection per target entity"),
        ENTITY_MAP_KEY("a map keyed by an entity (@MapKeyJoinColumn, @MapKeyJoinColumns)", EnumSet.of(Coverage.REFUSED),
                "Hibernate loads the keys without their read filter. Make the key an attribute of an element entity"
                        + " (@OneToMany with @MapKey), or key the map by the target's id"),
        TO_ONE_IN_MAP_KEY("a to-one inside an embeddable map key", EnumSet.of(Coverage.REFUSED),
                "Hibernate loads it without the target's read filter. Key the map by the target's id"),
        ORDERED_LIST("a list with an @OrderColumn", EnumSet.of(Coverage.REFUSED),
                "a hidden element would leave a hole at its position, and rewriting the list would clash with"
                        + " the hidden link. Order it with @OrderBy instead"),
        CUSTOM_LOADER("a custom SQL loader (@SQLSelect, @HQLSelect, a named loader query)",
                EnumSet.of(Coverage.REFUSED),
                "it replaces the filtered load. Remove it; Rowguard's filter" + " applies to Hibernate's own load"),
        CUSTOM_COLLECTION_LOADER("a collection with a custom SQL loader (@SQLSelect)", EnumSet.of(Coverage.REFUSED),
                "it replaces the filtered load of the elements. Remove it, or order and restrict the collection"
                        + " with @OrderBy and @SQLRestriction"),
        ID_WITHOUT_ATTRIBUTE("an id of several @Id attributes (@IdClass)", EnumSet.of(Coverage.REFUSED),
                "Rowguard reads, checks and filters rows by a single id attribute. Give the entity one @Id (a"
                        + " generated key, with the former key columns under a unique constraint) or an @EmbeddedId"),
        UNKNOWN("a mapping Rowguard does not know", EnumSet.of(Coverage.REFUSED),
                "Rowguard cannot tell whether its loads carry the read filter");

        private final String description;

        private final Set<Coverage> coverage;

        private final @Nullable String instead;

        Kind(String description, Set<Coverage> coverage, @Nullable String instead) {
            this.description = description;
            this.coverage = coverage;
            this.instead = instead;
        }

        String description() {
            return description;
        }

        Set<Coverage> coverage() {
            return coverage;
        }

        boolean refused() {
            return coverage.contains(Coverage.REFUSED);
        }

        /**
         * Why the kind is refused and what to write instead; null for kinds that are
         * covered.
         */
        @Nullable String instead() {
            return instead;
        }

    }

    /** The start-up message of a refused path. */
    String problem() {
        if (kind == Kind.ID_WITHOUT_ATTRIBUTE) {
            return "Rowguard cannot enforce the rules of " + entity + ", whose id is " + kind.description() + ": "
                    + kind.instead() + ".";
        }
        return "Rowguard cannot enforce the read rule of " + target + " through " + entity + "." + path + ", "
                + kind.description() + ": " + kind.instead() + ".";
    }
}
