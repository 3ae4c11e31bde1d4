package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * ZenStack's "works with relation conditions": the rule reads the inverse side of a
 * one-to-one, whose foreign key is in {@link PersonProfile}'s table.
 */
@Entity
@Allow(value = { READ, CREATE }, when = "true")
@Allow(value = UPDATE, when = "profile == null || age == profile.age")
public class Person {

    @Id
    private Long id;

    private int age;

    @OneToOne(mappedBy = "person")
    private PersonProfile profile;

    protected Person() {
    }

    public Person(Long id, int age) {
        this.id = id;
        this.age = age;
    }

    public void setAge(int age) {
        this.age = age;
    }

}
