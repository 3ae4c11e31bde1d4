package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

@Entity
@Allow(value = ALL, when = "true")
public class Bar {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int y;

    @ManyToOne(fetch = FetchType.LAZY)
    private Foo foo;

    protected Bar() {
    }

    public Bar(int y, Foo foo) {
        this.y = y;
        this.foo = foo;
    }

    public Long getId() {
        return id;
    }

    public int getY() {
        return y;
    }

    public void setY(int y) {
        this.y = y;
    }

    public Foo getFoo() {
        return foo;
    }

    public void setFoo(Foo foo) {
        this.foo = foo;
    }

}
