package dev.rowguard.hibernate.redteam;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

import dev.rowguard.policy.Allow;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

import static dev.rowguard.policy.Operation.ALL;

/** Open to every caller; every relation reaches owner-only rows. */
@Entity
@Allow(value = ALL, when = "true")
public class Hub {

    @Id
    Long id;

    String name;

    @ManyToOne(fetch = FetchType.LAZY)
    Vault vault;

    @ManyToOne(fetch = FetchType.EAGER)
    Crate crate;

    @ManyToOne
    @NotFound(action = NotFoundAction.IGNORE)
    Locker locker;

    @OneToOne(mappedBy = "hub")
    Badge badge;

    @OneToMany
    @JoinColumn(name = "hub_id")
    Set<Vault> vaults = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "hub_crates")
    @Fetch(FetchMode.SUBSELECT)
    Set<Crate> crates = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "hub_sub_crates")
    Set<SubCrate> subCrates = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "sub_hub_id")
    Set<SubLocker> subLockers = new HashSet<>();

    @OneToMany(mappedBy = "home")
    Set<Locker> lockers = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "keyed_hub_id")
    @MapKey(name = "label")
    Map<String, InnerVault> byLabel = new HashMap<>();

    protected Hub() {
    }

    public Hub(Long id) {
        this.id = id;
        this.name = "hub " + id;
    }

}
