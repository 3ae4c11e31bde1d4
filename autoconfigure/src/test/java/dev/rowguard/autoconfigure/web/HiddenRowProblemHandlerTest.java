package dev.rowguard.autoconfigure.web;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.rowguard.hibernate.internal.RowguardSettings;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiddenRowProblemHandlerTest {

    @Entity(name = "Unversioned")
    static class Unversioned {

        @Id
        Long id;

    }

    @Entity(name = "Versioned")
    static class Versioned {

        @Id
        Long id;

        @Version
        long version;

    }

    @Entity(name = "VersionedSubclass")
    static class VersionedSubclass extends Versioned {

    }

    /**
     * Property access: the annotation is on the getter, where a search of the fields
     * would miss it.
     */
    @Entity(name = "VersionedThroughGetter")
    static class VersionedThroughGetter {

        private Long id;

        private long revision;

        @Id
        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        @Version
        public long getRevision() {
            return revision;
        }

        public void setRevision(long revision) {
            this.revision = revision;
        }

    }

    private final StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .applySetting(RowguardSettings.ENABLED, "false")
        .build();

    private final EntityManagerFactory factory = new MetadataSources(registry).addAnnotatedClass(Unversioned.class)
        .addAnnotatedClass(Versioned.class)
        .addAnnotatedClass(VersionedSubclass.class)
        .addAnnotatedClass(VersionedThroughGetter.class)
        .buildMetadata()
        .buildSessionFactory();

    private final HiddenRowProblemHandler handler = new HiddenRowProblemHandler(
            new StaticListableBeanFactory(java.util.Map.of("entityManagerFactory", factory))
                .getBeanProvider(EntityManagerFactory.class));

    @AfterAll
    void close() {
        factory.close();
        StandardServiceRegistryBuilder.destroy(registry);
    }

    @Test
    void versionsAreReadFromTheMetamodelWhateverTheAccessType() {
        assertThat(handler.isVersioned(VersionedThroughGetter.class)).isTrue();
        assertThat(handler.isVersioned(Unversioned.class)).isFalse();
        assertThat(handler.isVersioned(String.class)).as("not an entity").isFalse();
    }

    @Test
    void aStaleRowOfAnUnversionedEntityIsNotFoundAndNamesNothing() {
        var response = handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Unversioned.class, 42));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().getDetail()).isEqualTo("not found").doesNotContain("42");
    }

    @Test
    void aStaleRowOfAVersionedEntityIsAConflict() {
        assertThat(
                handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Versioned.class, 1)).getStatusCode())
            .isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(VersionedSubclass.class, 1))
            .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Versioned.class.getName(), 1))
            .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.staleOrHidden(new ObjectOptimisticLockingFailureException(Unversioned.class.getName(), 1))
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRelationToAHiddenRowIsNotFound() {
        var response = handler
            .missingReference(new jakarta.persistence.EntityNotFoundException("Unable to find User with id dave"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().getDetail()).isEqualTo("not found");
    }

}
