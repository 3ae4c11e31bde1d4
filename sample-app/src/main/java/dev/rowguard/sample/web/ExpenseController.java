package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.ExpenseReport;
import dev.rowguard.sample.domain.ExpenseReportRepository;
import dev.rowguard.sample.domain.ExpenseStatus;
import dev.rowguard.sample.web.Views.ExpenseView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expense reports: who may submit, edit, approve or reject is decided by the entity's
 * rules alone.
 */
@RestController
@RequestMapping("/api/expenses")
class ExpenseController {

    record NewExpense(@NotBlank @Size(max = 50) String region, @NotBlank @Size(max = 500) String description,
            @Positive long amount) {
    }

    record ExpenseChange(@Size(min = 1, max = 500) @Nullable String description, @Positive @Nullable Long amount) {
    }

    private final ExpenseReportRepository reports;

    ExpenseController(ExpenseReportRepository reports) {
        this.reports = reports;
    }

    @GetMapping
    PagedModel<ExpenseView> list(Pageable pageable) {
        return new PagedModel<>(reports.findAll(pageable).map(ExpenseView::of));
    }

    @GetMapping("/{id}")
    ExpenseView get(@PathVariable Long id) {
        return ExpenseView.of(find(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    ExpenseView create(@Valid @RequestBody NewExpense request) {
        return ExpenseView
            .of(reports.save(new ExpenseReport(request.region(), request.description(), request.amount())));
    }

    @PatchMapping("/{id}")
    @Transactional
    ExpenseView update(@PathVariable Long id, @Valid @RequestBody ExpenseChange change) {
        ExpenseReport report = find(id);
        if (change.description() != null) {
            report.setDescription(change.description());
        }
        if (change.amount() != null) {
            report.setAmount(change.amount());
        }
        reports.flush();
        return ExpenseView.of(report);
    }

    @PostMapping("/{id}/submit")
    @Transactional
    ExpenseView submit(@PathVariable Long id) {
        return moveTo(id, ExpenseStatus.SUBMITTED);
    }

    /** A manager's decision, with an optional note for the submitter. */
    record Decision(@Size(min = 1, max = 1000) @Nullable String reviewerNote) {
    }

    @PostMapping("/{id}/approve")
    @Transactional
    ExpenseView approve(@PathVariable Long id, @Valid @RequestBody(required = false) @Nullable Decision decision) {
        return decide(id, ExpenseStatus.APPROVED, decision);
    }

    @PostMapping("/{id}/reject")
    @Transactional
    ExpenseView reject(@PathVariable Long id, @Valid @RequestBody(required = false) @Nullable Decision decision) {
        return decide(id, ExpenseStatus.REJECTED, decision);
    }

    private ExpenseView decide(Long id, ExpenseStatus status, @Nullable Decision decision) {
        if (decision != null && decision.reviewerNote() != null) {
            find(id).setReviewerNote(decision.reviewerNote());
        }
        return moveTo(id, status);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable Long id) {
        reports.delete(find(id));
        reports.flush();
    }

    private ExpenseView moveTo(Long id, ExpenseStatus status) {
        ExpenseReport report = find(id);
        report.setStatus(status);
        reports.flush();
        return ExpenseView.of(report);
    }

    private ExpenseReport find(Long id) {
        return reports.findById(id).orElseThrow(() -> NotFound.of("expense report"));
    }

}
