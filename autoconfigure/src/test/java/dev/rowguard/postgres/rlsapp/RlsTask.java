package dev.rowguard.postgres.rlsapp;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

/**
 * A task of a project: its project's owner changes it, whoever reads the project reads
 * it.
 */
@Entity
@Allow(value = ALL, when = "project.ownerId == auth().id")
@Allow(value = READ, when = "check(project)")
public class RlsTask {

    @Id
    private Long id;

    @ManyToOne(optional = false)
    private RlsProject project;

    private String title;

    @ManyToMany
    @JoinTable(name = "rls_task_label", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "label_id"))
    private Set<RlsLabel> labels = new HashSet<>();

}
