package dev.rowguard.hibernate.fields;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * An employee: every signed-in caller reads the row, its owner and HR change it; the
 * salary is HR's alone, the creator is frozen, and a well-paid employee is deleted by no
 * one (a row rule over the hidden salary).
 */
@Entity
@Allow(value = { READ, CREATE }, when = "auth() != null")
@Allow(value = { UPDATE, DELETE }, when = "auth().id == ownerId || has(auth().roles, 'hr')")
@Deny(value = DELETE, when = "salary > 100000")
@Allow(value = POST_UPDATE, when = "salary == null || salary < 1000000")
public class Employee {

    @Id
    private Long id;

    private String name = "";

    private String ownerId = "";

    @Allow(value = ALL, when = "has(auth().roles, 'hr')")
    private @Nullable BigDecimal salary;

    @Deny(value = UPDATE, when = "true", code = "employee.created-by")
    private @Nullable String createdBy;

    @Deny(value = READ, when = "auth().id != ownerId")
    private @Nullable String note;

    @ManyToOne(fetch = FetchType.LAZY)
    private @Nullable Department department;

    protected Employee() {
    }

    public Employee(Long id, String name, String ownerId, @Nullable BigDecimal salary) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
        this.salary = salary;
        this.createdBy = ownerId;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public @Nullable BigDecimal getSalary() {
        return salary;
    }

    public void setSalary(@Nullable BigDecimal salary) {
        this.salary = salary;
    }

    public @Nullable String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(@Nullable String createdBy) {
        this.createdBy = createdBy;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }

    public @Nullable Department getDepartment() {
        return department;
    }

    public void setDepartment(@Nullable Department department) {
        this.department = department;
    }

}
