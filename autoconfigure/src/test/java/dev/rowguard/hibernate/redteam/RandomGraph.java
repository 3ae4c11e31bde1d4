package dev.rowguard.hibernate.redteam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.persistence.EntityManager;

/**
 * A random graph over the red team's entities: owners drawn from alice, bob and carol,
 * every relation set or left empty at random, so that each reaches rows of several
 * owners.
 */
final class RandomGraph {

    static final List<String> OWNERS = List.of("alice", "bob", "carol");

    final List<Long> hubs = new ArrayList<>();

    final List<Long> vaults = new ArrayList<>();

    final List<Long> crates = new ArrayList<>();

    final List<Long> lockers = new ArrayList<>();

    final List<String> vaultOwners = new ArrayList<>();

    private RandomGraph() {
    }

    /**
     * Writes the graph with the entity manager (in the system context; the tables are
     * empty).
     */
    static RandomGraph write(EntityManager em, Random random) {
        RandomGraph graph = new RandomGraph();
        long next = 1;
        List<Hub> hubs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Hub hub = new Hub(next++);
            em.persist(hub);
            hubs.add(hub);
            graph.hubs.add(hub.id);
        }
        List<Vault> vaults = new ArrayList<>();
        List<InnerVault> inner = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String owner = owner(random);
            Vault vault = random.nextBoolean() ? new InnerVault(next++, owner) : new Vault(next++, owner);
            em.persist(vault);
            vaults.add(vault);
            graph.vaults.add(vault.id);
            graph.vaultOwners.add(owner);
            if (vault instanceof InnerVault labelled) {
                inner.add(labelled);
            }
        }
        List<Crate> crates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Crate crate = random.nextBoolean() ? new SubCrate(next++, owner(random)) : new Crate(next++, owner(random));
            em.persist(crate);
            crates.add(crate);
            graph.crates.add(crate.id);
        }
        List<Locker> lockers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Hub home = random.nextBoolean() ? pick(hubs, random) : null;
            Locker locker = random.nextBoolean() ? new SubLocker(next++, owner(random), home)
                    : new Locker(next++, owner(random), home);
            em.persist(locker);
            lockers.add(locker);
            graph.lockers.add(locker.id);
        }
        for (Hub hub : hubs) {
            hub.vault = random.nextInt(3) == 0 ? pick(vaults, random) : null;
            hub.crate = random.nextInt(3) == 0 ? pick(crates, random) : null;
            hub.locker = random.nextInt(3) == 0 ? pick(lockers, random) : null;
            if (random.nextBoolean()) {
                em.persist(new Badge(next++, owner(random), hub));
            }
        }
        for (Vault vault : vaults) {
            if (random.nextInt(3) > 0) {
                pick(hubs, random).vaults.add(vault);
            }
        }
        for (InnerVault labelled : inner) {
            if (random.nextBoolean()) {
                pick(hubs, random).byLabel.put(labelled.label, labelled);
            }
        }
        for (Hub hub : hubs) {
            for (Crate crate : crates) {
                if (random.nextBoolean()) {
                    hub.crates.add(crate);
                }
                if (crate instanceof SubCrate sub && random.nextBoolean()) {
                    hub.subCrates.add(sub);
                }
            }
        }
        for (Locker locker : lockers) {
            if (locker instanceof SubLocker sub && random.nextBoolean()) {
                pick(hubs, random).subLockers.add(sub);
            }
        }
        return graph;
    }

    private static String owner(Random random) {
        return OWNERS.get(random.nextInt(OWNERS.size()));
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

}
