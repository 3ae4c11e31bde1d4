package dev.rowguard.hibernate.fields;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Spring Data's paths to employees: derived queries, projections, @Query. */
public interface EmployeeRepository extends JpaRepository<Employee, Long> {

    /** An interface projection. */
    interface NameAndSalary {

        String getName();

        @Nullable BigDecimal getSalary();

    }

    List<NameAndSalary> findByOwnerIdOrderById(String ownerId);

    List<Employee> findBySalary(BigDecimal salary);

    @Query("select sum(e.salary) from Employee e")
    @Nullable BigDecimal totalSalary();

}
