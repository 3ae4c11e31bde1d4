package dev.rowguard.hibernate.fieldrefusals;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Version;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Generated;
import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * Field rules that cannot stand where they are, one entity each, for the refusal tests.
 */
public final class BadFieldRules {

    private BadFieldRules() {
    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleForCreate {

        @Id
        Long id = 1L;

        @Allow(value = CREATE, when = "false")
        @Nullable String code;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleOnRelation {

        @Id
        Long id = 1L;

        @Deny(value = READ, when = "true")
        @ManyToOne
        @Nullable Target other;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class Target {

        @Id
        Long id = 1L;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleOnId {

        @Id
        @Deny(value = READ, when = "true")
        Long id = 1L;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleOnVersion {

        @Id
        Long id = 1L;

        @Version
        @Deny(value = UPDATE, when = "true")
        int version;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    @SecondaryTable(name = "rule_on_secondary_more")
    public static class RuleOnSecondaryTable {

        @Id
        Long id = 1L;

        @Column(table = "rule_on_secondary_more")
        @Deny(value = READ, when = "true")
        @Nullable String extra;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleReadByFormula {

        @Id
        Long id = 1L;

        @Deny(value = READ, when = "true")
        @Nullable String secret;

        @Formula("upper(secret)")
        @Nullable String shout;

    }

    @Embeddable
    public static class Address {

        @Deny(value = READ, when = "true")
        @Nullable String street;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleInAnEmbeddable {

        @Id
        Long id = 1L;

        @Embedded
        @Nullable Address address;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class ColumnMappedTwice {

        @Id
        Long id = 1L;

        @Deny(value = READ, when = "true")
        @Column(name = "code")
        @Nullable String code;

        @Column(name = "code", insertable = false, updatable = false)
        @Nullable String codeAgain;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class HiddenPrimitive {

        @Id
        Long id = 1L;

        @Deny(value = READ, when = "true")
        int level;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class HiddenGenerated {

        @Id
        Long id = 1L;

        @Deny(value = READ, when = "true")
        @Generated
        @ColumnDefault("'x'")
        @Nullable String stamp;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class Folder {

        @Id
        Long id = 1L;

        @OneToMany(mappedBy = "folder")
        @MapKey(name = "label")
        Map<String, Sheet> sheetsByLabel = new HashMap<>();

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class Sheet {

        @Id
        Long id = 1L;

        @ManyToOne
        @Nullable Folder folder;

        @Deny(value = READ, when = "true")
        @Nullable String label;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class Badge implements java.io.Serializable {

        @Id
        Long id = 1L;

        @Deny(value = READ, when = "true")
        @Column(unique = true)
        @Nullable String serial;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class BadgeHolder {

        @Id
        Long id = 1L;

        @ManyToOne
        @JoinColumn(name = "badge_serial", referencedColumnName = "serial")
        @Nullable Badge badge;

    }

    @Entity
    @Allow(value = ALL, when = "true")
    public static class RuleThatDoesNotBind {

        @Id
        Long id = 1L;

        @Allow(value = READ, when = "auth() != null && nosuch == 1")
        @Nullable String note;

    }

}
