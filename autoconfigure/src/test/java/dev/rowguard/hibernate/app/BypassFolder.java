package dev.rowguard.hibernate.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * BypassAttemptsTest: readable by every signed-in caller, changed only by its owner; owns
 * a unidirectional one-to-many (foreign key in bypass_file) and a many-to-many set of
 * files.
 */
@Entity
@Allow(value = { READ, CREATE }, when = "auth() != null")
@Allow(value = { UPDATE, DELETE }, when = "auth().id == ownerId")
public class BypassFolder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ownerId;

    private String name;

    @OneToMany
    @JoinColumn(name = "folder_id")
    private List<BypassFile> files = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "bypass_folder_pins")
    private Set<BypassFile> pins = new HashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    private BypassFile cover;

    protected BypassFolder() {
    }

    public BypassFolder(String ownerId, String name) {
        this.ownerId = ownerId;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<BypassFile> getFiles() {
        return files;
    }

    public void setFiles(List<BypassFile> files) {
        this.files = files;
    }

    public Set<BypassFile> getPins() {
        return pins;
    }

    public void setPins(Set<BypassFile> pins) {
        this.pins = pins;
    }

    public BypassFile getCover() {
        return cover;
    }

    public void setCover(BypassFile cover) {
        this.cover = cover;
    }

}
