package dev.rowguard.hibernate.internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;

import dev.rowguard.hibernate.internal.MappingPath.Kind;
import dev.rowguard.policy.Allow;
import dev.rowguard.policy.PolicyDefinitionException;
import org.hibernate.annotations.Any;
import org.hibernate.annotations.AnyDiscriminatorValue;
import org.hibernate.annotations.AnyKeyJavaClass;
import org.hibernate.annotations.JoinFormula;
import org.hibernate.annotations.ManyToAny;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.annotations.SQLSelect;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.PersistentClass;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

/**
 * The start-up walk over Hibernate's mapping model: every kind of mapping that can reach
 * a row of a protected entity is classified as filtered, checked or refused, and a
 * refused one stops start-up naming the path, why, and what to map instead.
 */
class MappingCoverageTest {

    @Test
    void everyKindOfMappingThatReachesAProtectedRowIsClassified() {
        Map<String, Kind> kinds = classify(true, Secret.class, Open.class, Holder.class, Envelope.class, Ledger.class,
                Catalog.class, Playlist.class, Pointer.class, Linked.class, LoadedSecret.class, Compound.class,
                CustomCollection.class);
        assertThat(kinds).contains(entry("Holder.secret", Kind.TO_ONE), entry("Holder.lenient", Kind.TO_ONE),
                entry("Holder.tagged", Kind.MANY_TO_MANY), entry("Holder.owned", Kind.ONE_TO_MANY),
                entry("Open.secret", Kind.SHARED_KEY_TO_ONE), entry("Envelope.seal.secret", Kind.TO_ONE_IN_EMBEDDABLE),
                entry("Ledger.lines.secret", Kind.TO_ONE_IN_ELEMENT_COLLECTION),
                entry("Ledger.entries.key", Kind.ENTITY_MAP_KEY), entry("Catalog.byText", Kind.ONE_TO_MANY),
                entry("Catalog.byText.key", Kind.MAP_KEY_OF_ELEMENT), entry("Playlist.songs", Kind.ORDERED_LIST),
                entry("Pointer.target", Kind.ANY), entry("Pointer.targets", Kind.MANY_TO_ANY),
                entry("Linked.joined", Kind.TO_ONE_THROUGH_JOIN_TABLE),
                entry("Linked.byText", Kind.TO_ONE_ON_NON_KEY_COLUMN), entry("Linked.formula", Kind.TO_ONE_ON_FORMULA),
                entry("LoadedSecret.(load by id)", Kind.CUSTOM_LOADER),
                entry("Compound.(id).secret", Kind.TO_ONE_IN_ID),
                entry("CustomCollection.secrets", Kind.CUSTOM_COLLECTION_LOADER));
        assertThat(kinds).as("paths to entities every caller may read are not paths to protected rows")
            .doesNotContainKeys("Holder.open", "Secret.open");
    }

    @Test
    void aToOneThatIgnoresMissingRowsIsRefusedOnlyWhenHiddenReferencesAreUnchecked() {
        assertThat(classify(true, Secret.class, Open.class, Holder.class)).containsEntry("Holder.lenient", Kind.TO_ONE);
        assertThat(classify(false, Secret.class, Open.class, Holder.class)).containsEntry("Holder.lenient",
                Kind.TO_ONE_IGNORING_MISSING_ROWS);
    }

    @Test
    void theSupportedKindsStartUp() {
        assertThatCode(() -> build(true, Secret.class, Open.class, Holder.class, Catalog.class))
            .doesNotThrowAnyException();
    }

    @Test
    void startUpRefusesEachUnsupportedKindNamingThePathWhyAndWhatToMapInstead() {
        Map<Class<?>, List<String>> expected = new LinkedHashMap<>();
        expected.put(Envelope.class, List.of("Envelope.seal.secret, a to-one inside an @Embeddable",
                "Map the relation on the entity itself"));
        expected.put(Ledger.class, List.of("Ledger.lines.secret, a to-one inside an element collection",
                "Ledger.entries.key, a map keyed by an entity"));
        expected.put(Playlist.class, List.of("Playlist.songs, a list with an @OrderColumn", "@OrderBy instead"));
        expected.put(Pointer.class, List.of("Pointer.target, an @Any association", "Pointer.targets, a @ManyToAny"));
        expected.put(Linked.class,
                List.of("Linked.joined, a to-one mapped through a @JoinTable",
                        "Linked.byText, a to-one joined on a column that is not the target's id",
                        "Linked.formula, a to-one on a @JoinFormula"));
        expected.put(LoadedSecret.class, List.of("LoadedSecret.(load by id), a custom SQL loader"));
        expected.put(Compound.class, List.of("Compound.(id).secret, a to-one inside a composite id"));
        expected.put(CustomCollection.class,
                List.of("CustomCollection.secrets, a collection with a custom SQL loader"));
        expected.forEach((entity, messages) -> {
            Throwable thrown = catchThrowable(() -> build(true, Secret.class, Open.class, entity));
            PolicyDefinitionException problem = causeOf(thrown);
            assertThat(problem).as("start-up with %s: %s", entity.getSimpleName(), thrown).isNotNull();
            assertThat(problem.getMessage()).contains(messages)
                .contains("Rowguard cannot enforce the read rule of "
                        + (entity == LoadedSecret.class ? "LoadedSecret" : "Secret"));
        });
    }

    // --- the entities: Secret is protected (owner only), Open is readable by everyone

    @Entity(name = "Secret")
    @Allow(value = ALL, when = "auth().id == ownerId")
    static class Secret {

        @Id
        Long id;

        @Column(unique = true)
        String text;

        String ownerId;

        @OneToOne
        Open open;

    }

    @Entity(name = "Open")
    @Allow(value = ALL, when = "true")
    static class Open {

        @Id
        Long id;

        @OneToOne(mappedBy = "open")
        Secret secret;

    }

    @Entity(name = "Holder")
    @Allow(value = ALL, when = "true")
    static class Holder {

        @Id
        Long id;

        @ManyToOne
        Secret secret;

        @ManyToOne
        @NotFound(action = NotFoundAction.IGNORE)
        Secret lenient;

        @ManyToOne
        Open open;

        @ManyToMany
        @JoinTable(name = "holder_tagged")
        Set<Secret> tagged;

        @OneToMany
        @JoinColumn(name = "holder_id")
        Set<Secret> owned;

    }

    @Embeddable
    static class Seal {

        @ManyToOne
        Secret secret;

    }

    @Entity(name = "Envelope")
    @Allow(value = ALL, when = "true")
    static class Envelope {

        @Id
        Long id;

        @Embedded
        Seal seal;

    }

    @Embeddable
    static class Line {

        String note;

        @ManyToOne
        Secret secret;

    }

    @Entity(name = "Ledger")
    @Allow(value = ALL, when = "true")
    static class Ledger {

        @Id
        Long id;

        @ElementCollection
        List<Line> lines;

        @ElementCollection
        @MapKeyJoinColumn(name = "secret_id")
        Map<Secret, String> entries;

    }

    @Entity(name = "Catalog")
    @Allow(value = ALL, when = "true")
    static class Catalog {

        @Id
        Long id;

        @OneToMany
        @JoinColumn(name = "catalog_id")
        @MapKey(name = "text")
        @OrderBy("text")
        Map<String, Secret> byText;

    }

    @Entity(name = "Playlist")
    @Allow(value = ALL, when = "true")
    static class Playlist {

        @Id
        Long id;

        @ManyToMany
        @JoinTable(name = "playlist_songs")
        @OrderColumn(name = "pos")
        List<Secret> songs;

    }

    @Entity(name = "Pointer")
    @Allow(value = ALL, when = "true")
    static class Pointer {

        @Id
        Long id;

        @Any
        @AnyKeyJavaClass(Long.class)
        @Column(name = "target_type")
        @JoinColumn(name = "target_id")
        @AnyDiscriminatorValue(discriminator = "S", entity = Secret.class)
        @AnyDiscriminatorValue(discriminator = "O", entity = Open.class)
        Object target;

        @ManyToAny
        @AnyKeyJavaClass(Long.class)
        @Column(name = "target_type")
        @AnyDiscriminatorValue(discriminator = "S", entity = Secret.class)
        @JoinTable(name = "pointer_targets", joinColumns = @JoinColumn(name = "pointer_id"),
                inverseJoinColumns = @JoinColumn(name = "target_id"))
        List<Object> targets;

    }

    @Entity(name = "Linked")
    @Allow(value = ALL, when = "true")
    static class Linked {

        @Id
        Long id;

        Long secretId;

        @ManyToOne
        @JoinTable(name = "linked_joined")
        Secret joined;

        @ManyToOne
        @JoinColumn(name = "secret_text", referencedColumnName = "text")
        Secret byText;

        @ManyToOne
        @JoinFormula("secret_id")
        Secret formula;

    }

    @Entity(name = "LoadedSecret")
    @Allow(value = READ, when = "auth().id == ownerId")
    @SQLSelect(sql = "select * from loaded_secret where id = ?")
    static class LoadedSecret {

        @Id
        Long id;

        String ownerId;

    }

    static class CompoundKey implements Serializable {

        Long secret;

        int slot;

        @Override
        public boolean equals(Object other) {
            return other instanceof CompoundKey key && key.slot == slot && java.util.Objects.equals(key.secret, secret);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(secret, slot);
        }

    }

    @Entity(name = "Compound")
    @IdClass(CompoundKey.class)
    @Allow(value = ALL, when = "true")
    static class Compound {

        @Id
        @ManyToOne
        Secret secret;

        @Id
        int slot;

    }

    @Entity(name = "CustomCollection")
    @Allow(value = ALL, when = "true")
    static class CustomCollection {

        @Id
        Long id;

        @OneToMany
        @JoinColumn(name = "custom_id")
        @SQLSelect(sql = "select * from secret where custom_id = ?")
        Set<Secret> secrets;

    }

    // --- helpers

    private static Map<String, Kind> classify(boolean hideRow, Class<?>... entities) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        build(false, metadata -> {
            List<MappingPath> paths = MappingCoverage.classify(metadata.getEntityBindings(),
                    name -> name.endsWith("$Secret") || name.equals("Secret") || name.endsWith("LoadedSecret"),
                    name -> metadata.getEntityBinding(name).getJpaEntityName(), hideRow);
            // a path may have several kinds (a list of protected elements is also a
            // many-to-many): keep the refused one
            for (MappingPath path : paths) {
                kinds.merge(path.entity() + "." + path.path(), path.kind(), (a, b) -> b.refused() ? b : a);
            }
        }, entities);
        return kinds;
    }

    private static void build(boolean rowguard, Class<?>... entities) {
        build(rowguard, metadata -> {
        }, entities);
    }

    private static void build(boolean rowguard, Consumer<Metadata> inspect, Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
            .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
            .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
            .applySetting(RowguardSettings.ENABLED, String.valueOf(rowguard))
            .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            sources.addAnnotatedClass(Seal.class).addAnnotatedClass(Line.class);
            inspect.accept(sources.buildMetadata());
        }
        finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static PolicyDefinitionException causeOf(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicyDefinitionException problem) {
                return problem;
            }
        }
        return null;
    }

    @SuppressWarnings("unused")
    private static String describe(Map<String, Kind> kinds) {
        return kinds.entrySet().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

}
