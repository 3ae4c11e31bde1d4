package dev.rowguard.decisions;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

@Entity
@Allow(value = READ, when = "auth() != null")
@Allow(value = ALL, when = "auth() != null && auth().id == ownerId", code = "invoice.not-yours",
        message = "Only the owner may change an invoice")
@Allow(value = DELETE, when = "auth() != null && has(auth().roles, 'accountant')", code = "invoice.not-accountant")
@Deny(value = UPDATE, when = "locked", code = "invoice.locked", message = "Locked invoices cannot be edited")
@Deny(value = DELETE, when = "amount > 1000")
@Deny(value = UPDATE, when = "customer != null && customer.blocked", code = "invoice.customer-blocked")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ownerId;

    private boolean locked;

    private int amount;

    @ManyToOne
    private Customer customer;

    protected Invoice() {
    }

    public Invoice(String ownerId, int amount, boolean locked, Customer customer) {
        this.ownerId = ownerId;
        this.amount = amount;
        this.locked = locked;
        this.customer = customer;
    }

    public Long getId() {
        return id;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public int getAmount() {
        return amount;
    }

    public void setAmount(int amount) {
        this.amount = amount;
    }

}
