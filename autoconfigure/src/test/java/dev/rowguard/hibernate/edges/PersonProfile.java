package dev.rowguard.hibernate.edges;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** The owning side of {@link Person}'s one-to-one. */
@Entity
@Allow(value = ALL, when = "true")
public class PersonProfile {

    @Id
    private Long id;

    private int age;

    @OneToOne(fetch = FetchType.LAZY)
    private Person person;

    protected PersonProfile() {
    }

    public PersonProfile(Long id, int age, Person person) {
        this.id = id;
        this.age = age;
        this.person = person;
    }

}
