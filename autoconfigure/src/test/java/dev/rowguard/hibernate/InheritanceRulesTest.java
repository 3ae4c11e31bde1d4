package dev.rowguard.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.PolicyDefinitionException;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class InheritanceRulesTest {

    @Entity(name = "Document")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @Allow(value = ALL, when = "auth() != null")
    static class Document {

        @Id
        Long id;

        String ownerId;

    }

    @Entity(name = "SecretDocument")
    @Allow(value = ALL, when = "auth().id == ownerId")
    static class SecretDocument extends Document {

    }

    @Entity(name = "LockedDocument")
    @Allow(value = READ, when = "auth() != null")
    @Allow(value = UPDATE, when = "auth().id == ownerId")
    static class LockedDocument extends Document {

    }

    @Entity(name = "PlainDocument")
    static class PlainDocument extends Document {

    }

    @Entity(name = "Vaulted")
    @Allow(value = ALL, when = "auth().id == ownerId")
    static class Vaulted {

        @Id
        Long id;

        String ownerId;

    }

    @Entity(name = "Box")
    @Inheritance(strategy = InheritanceType.JOINED)
    @Allow(value = ALL, when = "true")
    static class Box {

        @Id
        Long id;

    }

    @Entity(name = "LinkedBox")
    static class LinkedBox extends Box {

        @ManyToOne
        Vaulted vaulted;

    }

    @Test
    void aJoinedSubclassWhoseRelationsWouldHideRowsItsRootShowsStopsStartUp() {
        Throwable thrown = catchThrowable(() -> buildMetadata(Vaulted.class, Box.class, LinkedBox.class));
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof PolicyDefinitionException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("cause chain of %s", thrown).isInstanceOf(PolicyDefinitionException.class);
        assertThat(cause.getMessage()).contains("LinkedBox, a JOINED subclass of Box")
            .contains("Declare the relation on Box, or map the hierarchy with SINGLE_TABLE or TABLE_PER_CLASS");
    }

    @Test
    void aSubclassWithItsOwnReadRuleStopsStartUpNamingBothEntitiesAndTheRules() {
        Throwable thrown = catchThrowable(() -> buildMetadata(Document.class, SecretDocument.class));
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof PolicyDefinitionException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("cause chain of %s", thrown).isInstanceOf(PolicyDefinitionException.class);
        assertThat(cause.getMessage()).contains("SecretDocument extends Document but declares other READ rules")
            .contains("@Allow(value = ALL, when = \"auth().id == ownerId\")")
            .contains("@Allow(value = ALL, when = \"auth() != null\")")
            .contains("Declare read rules on Document only");
    }

    @Test
    void subclassesThatKeepTheRootsReadRulesOrDeclareNothingStartUp() {
        assertThatCode(() -> buildMetadata(Document.class, LockedDocument.class, PlainDocument.class))
            .doesNotThrowAnyException();
    }

    private static void buildMetadata(Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
            .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
            .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
            .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            sources.buildMetadata();
        }
        finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

}
