package dev.rowguard.hibernate.fields;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

/**
 * One entity hierarchy per inheritance strategy, each with a field only its owner may
 * read, declared on the root and (single table) on a subclass.
 */
public final class Hierarchies {

    private Hierarchies() {
    }

    @Entity(name = "Contract")
    @Table(name = "field_contract")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @Allow(value = ALL, when = "auth() != null")
    public static class Contract {

        @Id
        public Long id = 0L;

        public String ownerId = "";

        @Deny(value = READ, when = "auth().id != ownerId")
        public @Nullable String terms;

    }

    @Entity(name = "ServiceContract")
    @DiscriminatorValue("service")
    public static class ServiceContract extends Contract {

        @Deny(value = READ, when = "auth().id != ownerId")
        public @Nullable String fee;

    }

    @Entity(name = "Badge")
    @Table(name = "field_badge")
    @Inheritance(strategy = InheritanceType.JOINED)
    @Allow(value = ALL, when = "auth() != null")
    public static class Badge {

        @Id
        public Long id = 0L;

        public String ownerId = "";

        @Deny(value = READ, when = "auth().id != ownerId")
        public @Nullable String code;

    }

    @Entity(name = "GoldBadge")
    @Table(name = "field_gold_badge")
    public static class GoldBadge extends Badge {

        public int carats;

    }

    @Entity(name = "Asset")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    @Allow(value = ALL, when = "auth() != null")
    public abstract static class Asset {

        @Id
        public Long id = 0L;

        public String ownerId = "";

        @Deny(value = READ, when = "auth().id != ownerId")
        public @Nullable String worth;

    }

    @Entity(name = "Car")
    @Table(name = "field_car")
    public static class Car extends Asset {

    }

    @Entity(name = "House")
    @Table(name = "field_house")
    public static class House extends Asset {

    }

}
