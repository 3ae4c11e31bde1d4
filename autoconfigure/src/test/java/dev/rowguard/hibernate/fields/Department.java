package dev.rowguard.hibernate.fields;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/** A department, open to every signed-in caller, whose employees are loaded lazily. */
@Entity
@Allow(value = ALL, when = "auth() != null")
public class Department {

    @Id
    private Long id;

    private String name = "";

    @OneToMany(mappedBy = "department")
    private List<Employee> employees = new ArrayList<>();

    protected Department() {
    }

    public Department(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public List<Employee> getEmployees() {
        return employees;
    }

}
