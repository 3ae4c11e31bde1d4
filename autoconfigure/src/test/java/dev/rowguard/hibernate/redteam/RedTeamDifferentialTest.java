package dev.rowguard.hibernate.redteam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red team's differential test: random graphs over every kind of mapping Rowguard
 * supports, random callers (each owner and an anonymous one), every way of loading (find,
 * getReference, queries, fetch joins, lazy walks, batch and subselect fetching,
 * projections through every relation, map keys, the criteria API, counts and sizes).
 * Whatever a path gives the caller is walked to the end; no value of a row the caller may
 * not read (every protected value names its owner) may be among what they reach, and
 * counts must count only their own rows.
 */
@SpringBootTest(classes = RedTeamApplication.class)
@WithTestPostgres
class RedTeamDifferentialTest {

    private static final Pattern PROTECTED_VALUE = Pattern.compile("^secret:(\\w+):");

    private static final int GRAPHS = 24;

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    record Path(String name, Function<EntityManager, Object> load) {
    }

    @Test
    void noValueOfAHiddenRowReachesTheCallerOnAnyPath() {
        int cases = 0;
        List<String> leaks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int seed = 1; seed <= GRAPHS; seed++) {
            RandomGraph graph = rewrite(new Random(seed));
            for (String caller : List.of("alice", "bob", "carol", "anonymous")) {
                AuthPrincipal principal = caller.equals("anonymous") ? null : AuthPrincipal.of(caller);
                for (Path path : paths(graph, caller)) {
                    List<String> reached;
                    try {
                        reached = as(principal, em -> ReachableValues.from(path.load().apply(em)));
                    }
                    catch (EntityNotFoundException hidden) {
                        // a relation to a row the caller cannot read, which the rules
                        // could not hide (a cycle
                        // of to-ones): nothing reached, and the transaction rolls back as
                        // it would in an application
                        reached = List.of();
                    }
                    catch (RuntimeException failure) {
                        failures.add("graph " + seed + ", " + caller + ", " + path.name() + ": " + failure);
                        continue;
                    }
                    for (String value : reached) {
                        Matcher matcher = PROTECTED_VALUE.matcher(value);
                        if (matcher.find() && !matcher.group(1).equals(caller)) {
                            leaks.add("graph " + seed + ", " + caller + ", " + path.name() + ": " + value);
                        }
                    }
                    cases++;
                }
            }
        }
        assertThat(leaks).as("values of hidden rows reached by the caller").isEmpty();
        assertThat(failures).as("paths that failed instead of reading").isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(2000);
    }

    private List<Path> paths(RandomGraph graph, String caller) {
        List<Path> paths = new ArrayList<>();
        paths.add(new Path("find every hub", em -> graph.hubs.stream().map(id -> em.find(Hub.class, id)).toList()));
        paths.add(
                new Path("find every vault", em -> graph.vaults.stream().map(id -> em.find(Vault.class, id)).toList()));
        paths.add(new Path("find every vault as InnerVault",
                em -> graph.vaults.stream().map(id -> em.find(InnerVault.class, id)).toList()));
        paths.add(
                new Path("find every crate", em -> graph.crates.stream().map(id -> em.find(Crate.class, id)).toList()));
        paths.add(new Path("find every locker",
                em -> graph.lockers.stream().map(id -> em.find(Locker.class, id)).toList()));
        paths.add(new Path("getReference of every vault, then its fields",
                em -> graph.vaults.stream().map(id -> em.getReference(Vault.class, id)).toList()));
        paths.add(new Path("getReference of every crate as SubCrate",
                em -> graph.crates.stream().map(id -> em.getReference(Crate.class, id)).toList()));
        paths.add(query("select h from Hub h"));
        paths.add(query("select distinct h from Hub h left join fetch h.vaults"));
        paths.add(query("select distinct h from Hub h left join fetch h.crates"));
        paths.add(query("select distinct h from Hub h left join fetch h.lockers"));
        paths.add(query("select distinct h from Hub h left join fetch h.byLabel"));
        paths
            .add(query("select h from Hub h left join fetch h.badge left join fetch h.vault left join fetch h.locker"));
        paths.add(query("select v from Vault v"));
        paths.add(query("select c from Crate c"));
        paths.add(query("select s from SubCrate s"));
        paths.add(query("select l from Locker l"));
        paths.add(query("select b from Badge b"));
        paths.add(query("select v.secret from Vault v"));
        paths.add(query("select h.vault.secret from Hub h"));
        paths.add(query("select h.badge.secret from Hub h"));
        paths.add(query("select v.secret from Hub h join h.vaults v"));
        paths.add(query("select c.secret from Hub h join h.crates c"));
        paths.add(query("select treat(c as SubCrate).note from Hub h join h.crates c"));
        paths.add(query("select l.secret from Hub h join h.lockers l"));
        paths.add(query("select distinct h from Hub h left join fetch h.subCrates"));
        paths.add(query("select distinct h from Hub h left join fetch h.subLockers"));
        paths.add(query("select s.note, s.secret from Hub h join h.subCrates s"));
        paths.add(query("select s.note from Hub h join h.subLockers s"));
        paths.add(query("select h.id, size(h.subCrates), size(h.subLockers) from Hub h"));
        paths.add(query("select key(e), value(e).secret from Hub h join h.byLabel e"));
        paths.add(query("select h.id, size(h.vaults), size(h.crates) from Hub h"));
        paths.add(new Path("criteria: every vault", em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Vault> query = cb.createQuery(Vault.class);
            return em.createQuery(query.select(query.from(Vault.class))).getResultList();
        }));
        paths.add(new Path("count of vaults", em -> {
            long expected = graph.vaultOwners.stream().filter(caller::equals).count();
            long counted = em.createQuery("select count(v) from Vault v", Long.class).getSingleResult();
            return counted == expected ? List.of()
                    : List.of("secret:COUNTED:" + counted + " vaults where the caller owns " + expected);
        }));
        return paths;
    }

    private static Path query(String hql) {
        return new Path(hql, em -> em.createQuery(hql, Object.class).getResultList());
    }

    private RandomGraph rewrite(Random random) {
        return Rowguard.asSystem((Supplier<RandomGraph>) () -> tx.execute(status -> {
            em.createNativeQuery("truncate table hub, vault, crate, sub_crate, locker, sub_locker, badge, hub_crates,"
                    + " hub_sub_crates cascade")
                .executeUpdate();
            return RandomGraph.write(em, random);
        }));
    }

    private <T> T as(AuthPrincipal principal, Function<EntityManager, T> work) {
        return Rowguard.runAs(principal, (Supplier<T>) () -> tx.execute(status -> work.apply(em)));
    }

}
