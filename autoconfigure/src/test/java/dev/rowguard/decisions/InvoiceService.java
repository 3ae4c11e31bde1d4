package dev.rowguard.decisions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Methods guarded with Spring Security's {@code hasPermission}, answered by the policies.
 */
@Service
public class InvoiceService {

    @PreAuthorize("hasPermission(#invoice, 'UPDATE')")
    public String edit(Invoice invoice) {
        return "edited";
    }

    @PreAuthorize("hasPermission(#id, 'Invoice', 'delete')")
    public String delete(Long id) {
        return "deleted";
    }

    @PreAuthorize("hasPermission(null, 'Invoice', 'CREATE')")
    public String create() {
        return "created";
    }

}
