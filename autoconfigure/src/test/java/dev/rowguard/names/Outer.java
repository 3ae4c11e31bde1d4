package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import static dev.rowguard.policy.Operation.ALL;

/** Entities declared as nested classes, as many test suites and small applications do. */
public final class Outer {

    private Outer() {
    }

    @Entity
    @Table(name = "nested_item")
    @Allow(value = ALL, when = "auth() != null && auth().id == ownerId")
    public static class Item implements Owned {

        @Id
        @GeneratedValue
        Long id;

        String ownerId;

        protected Item() {
        }

        public Item(String ownerId) {
            this.ownerId = ownerId;
        }

        @Override
        public String owner() {
            return ownerId;
        }

    }

}
