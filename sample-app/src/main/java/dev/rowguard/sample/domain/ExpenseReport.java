package dev.rowguard.sample.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;

import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * An expense report with attribute-based rules in the style of Cerbos's example: the
 * submitter works on their own drafts and submits them; a manager of the report's region
 * decides on submitted reports up to their approval limit; an auditor reads every report.
 * {@code region} and {@code approvalLimit} come from token claims through
 * {@code rowguard.auth.attributes}. The reviewer's note has rules of its own: the
 * region's managers read and write it, the submitter reads it once the report is decided,
 * and anyone else (an auditor, the submitter of a draft) sees it as null.
 */
@Entity
@Table(name = "expense_report")
@Allow(value = CREATE, when = "auth() != null && submitterId == auth().id && status == 'DRAFT'")
@Allow(value = READ, when = "auth() != null && submitterId == auth().id")
@Allow(value = READ, when = "has(auth().roles, 'manager') && region == auth().region")
@Allow(value = READ, when = "has(auth().roles, 'auditor')")
@Allow(value = UPDATE, when = "auth() != null && submitterId == auth().id && status == 'DRAFT'")
@Allow(value = UPDATE, when = "has(auth().roles, 'manager') && region == auth().region && status == 'SUBMITTED'")
@Allow(value = POST_UPDATE,
        when = "submitterId == auth().id && before().status == 'DRAFT'"
                + " && (status == 'DRAFT' || status == 'SUBMITTED')")
@Allow(value = POST_UPDATE,
        when = "has(auth().roles, 'manager') && region == auth().region"
                + " && before().status == 'SUBMITTED' && (status == 'APPROVED' || status == 'REJECTED')"
                + " && amount == before().amount && region == before().region && amount <= auth().approvalLimit")
public class ExpenseReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "submitter_id")
    @AuthDefault("id")
    private @Nullable String submitterId;

    private String region;

    private String description;

    /** Whole currency units. */
    private long amount;

    @Enumerated(EnumType.STRING)
    private ExpenseStatus status = ExpenseStatus.DRAFT;

    @Column(name = "reviewer_note")
    @Allow(value = READ,
            when = "(has(auth().roles, 'manager') && region == auth().region)"
                    + " || (submitterId == auth().id && (status == 'APPROVED' || status == 'REJECTED'))")
    @Allow(value = UPDATE, when = "has(auth().roles, 'manager') && region == auth().region")
    private @Nullable String reviewerNote;

    protected ExpenseReport() {
    }

    public ExpenseReport(String region, String description, long amount) {
        this.region = region;
        this.description = description;
        this.amount = amount;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable String getSubmitterId() {
        return submitterId;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public long getAmount() {
        return amount;
    }

    public void setAmount(long amount) {
        this.amount = amount;
    }

    public ExpenseStatus getStatus() {
        return status;
    }

    public void setStatus(ExpenseStatus status) {
        this.status = status;
    }

    public @Nullable String getReviewerNote() {
        return reviewerNote;
    }

    public void setReviewerNote(@Nullable String reviewerNote) {
        this.reviewerNote = reviewerNote;
    }

}
