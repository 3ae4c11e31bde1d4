package dev.rowguard.hibernate.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthEntity;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.READ;

@Entity
@Table(name = "app_user")
@AuthEntity
@Allow(value = CREATE, when = "true")
@Allow(value = ALL, when = "auth() == this")
@Allow(value = READ, when = "memberships?[space.members?[user == auth()]]")
public class User {

    @Id
    private String id;

    private String email;

    @OneToMany(mappedBy = "user")
    private List<SpaceUser> memberships = new ArrayList<>();

    protected User() {
    }

    public User(String id) {
        this.id = id;
        this.email = id + "@example.com";
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<SpaceUser> getMemberships() {
        return memberships;
    }

}
