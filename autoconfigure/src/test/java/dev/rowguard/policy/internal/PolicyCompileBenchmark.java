package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.sql.FilterShapes;
import dev.rowguard.policy.internal.sql.SqlCompiler;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;

/**
 * Start-up cost of the policy language for 100 entities: parse + type-check
 * ({@code PolicySet.build}), the builds {@code PolicyMappingContributor} does (declared,
 * then {@code PolicySet.with} the hidden-reference denies), and every read rule's filter
 * shapes ({@code FilterShapes.enumerate}). Not a test: run its {@code main} (see
 * docs/policy-language.md). Arguments: warm-up rounds, measured rounds (default 5 and
 * 15); {@code 0 0} times the cold first round only.
 */
public final class PolicyCompileBenchmark {

    static final int ENTITIES = 100;
    static final int DOMAIN_ENTITIES = ENTITIES - 3;
    static final int MAX_SHAPES = 64;

    record Round(double build, double startupBuilds, double shapes, double sqlCompiler, int shapeCount, long sqlChars) {
        double total() {
            return startupBuilds + shapes;
        }
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        DomainModel model = model();
        Map<String, List<RuleDeclaration>> declarations = declarations();
        int rules = declarations.values().stream().mapToInt(List::size).sum();

        Round cold = round(model, declarations);
        System.out.printf("model: %d entities, %d rules, %d read-filter shapes, %.1f MB of SQL%n",
                model.entities().size(), rules, cold.shapeCount(), cold.sqlChars() / 1e6);
        print("cold (first round in this JVM)", List.of(cold));
        if (measured == 0) {
            return;
        }
        for (int i = 0; i < warmup; i++) {
            round(model, declarations);
        }
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            rounds.add(round(model, declarations));
        }
        print("warm (" + warmup + " warm-up rounds, " + measured + " measured)", rounds);
    }

    static Round round(DomainModel model, Map<String, List<RuleDeclaration>> declarations) {
        long start = System.nanoTime();
        PolicySet declared = PolicySet.build(model, declarations, false);
        long built = System.nanoTime();
        PolicySet policies = declared.with(HiddenReferences.of(declared));
        long enforced = System.nanoTime();
        int shapes = 0;
        long sqlChars = 0;
        // as PolicyMappingContributor does it: every read rule that is not always true,
        // enumerated in parallel
        Map<String, Bound> readRules = new LinkedHashMap<>();
        for (String entity : policies.entities()) {
            Bound read = policies.rule(entity, READ);
            if (!Bound.Const.TRUE.equals(read)) {
                readRules.put(entity, read);
            }
        }
        for (FilterShapes entityShapes : FilterShapes.enumerateAll(readRules, policies, model, "rg_p", MAX_SHAPES)
            .values()) {
            for (FilterShapes.FilterShape shape : entityShapes.shapes()) {
                shapes++;
                sqlChars += shape.sql().length();
            }
        }
        long enumerated = System.nanoTime();
        // What the first query of one caller costs per entity with a fresh compiler
        // cache.
        SqlCompiler compiler = new SqlCompiler(model, policies);
        AuthPrincipal caller = AuthPrincipal.builder("u1").role("admin").attribute("region", "eu").build();
        for (String entity : policies.entities()) {
            compiler.compile(policies.rule(entity, READ), caller, null, "t", null);
        }
        long compiled = System.nanoTime();
        return new Round(ms(built - start), ms(built - start) + ms(enforced - built), ms(enumerated - enforced),
                ms(compiled - enumerated), shapes, sqlChars);
    }

    static void print(String title, List<Round> rounds) {
        System.out.println(title + ": median / p95 in ms");
        line("parse + type-check (PolicySet.build)", rounds.stream().mapToDouble(Round::build).toArray());
        line("builds as at start-up (+ hidden-reference denies)",
                rounds.stream().mapToDouble(Round::startupBuilds).toArray());
        line("read filter shapes to SQL (FilterShapes.enumerateAll)",
                rounds.stream().mapToDouble(Round::shapes).toArray());
        line("start-up total (builds + shapes)", rounds.stream().mapToDouble(Round::total).toArray());
        line("SqlCompiler, one caller, every entity, cold cache",
                rounds.stream().mapToDouble(Round::sqlCompiler).toArray());
    }

    static void line(String label, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted[(sorted.length - 1) / 2];
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
        System.out.printf("  %-52s %8.2f / %8.2f%n", label, median, p95);
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /**
     * A multi-tenant SaaS: users, organizations, memberships with roles, and 97 domain
     * entities, each owned by an organization and a user, most with a parent among the
     * earlier ones (a tree four wide, so check() chains are up to four deep) and the
     * children as a to-many.
     */
    public static DomainModel model() {
        ModelBuilder builder = new ModelBuilder("region").entity("User", "app_user")
            .id(ValueKind.STRING, String.class)
            .scalar("email", "email", ValueKind.STRING, String.class, true)
            .authEntity()
            .done()
            .entity("Org", "org")
            .id(ValueKind.NUMBER, Long.class)
            .scalar("name", "name", ValueKind.STRING, String.class, false)
            .scalar("externalId", "external_id", ValueKind.STRING, String.class, true)
            .toMany("members", "Membership", "org_id")
            .done()
            .entity("Membership", "membership")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("org", "Org", "org_id", false)
            .toOne("user", "User", "user_id", false)
            .enumeration("role", "role", false, "OWNER", "ADMIN", "MEMBER")
            .done();
        for (int i = 0; i < DOMAIN_ENTITIES; i++) {
            ModelBuilder.Entity entity = builder.entity(name(i), "e" + i)
                .id(ValueKind.NUMBER, Long.class)
                .scalar("title", "title", ValueKind.STRING, String.class, false)
                .enumeration("status", "status", false, "DRAFT", "PUBLISHED", "ARCHIVED")
                .scalar("archived", "archived", ValueKind.BOOLEAN, Boolean.class, false)
                .scalar("priority", "priority", ValueKind.NUMBER, Integer.class, true)
                .scalar("createdAt", "created_at", ValueKind.TEMPORAL, java.time.Instant.class, false)
                .scalar("region", "region", ValueKind.STRING, String.class, true)
                .toOne("org", "Org", "org_id", false)
                .toOne("owner", "User", "owner_id", true);
            if (i > 0) {
                entity.toOne("parent", name(parent(i)), "parent_id", true);
            }
            if (hasChildren(i)) {
                entity.toMany("children", name(4 * i + 1), "parent_id");
            }
            entity.done();
        }
        return builder.build();
    }

    public static Map<String, List<RuleDeclaration>> declarations() {
        Map<String, List<RuleDeclaration>> rules = new LinkedHashMap<>();
        rules.put("User", List.of(RuleDeclaration.allow("User", "auth() != null", READ),
                RuleDeclaration.allow("User", "auth() == this", ALL)));
        rules.put("Org",
                List.of(RuleDeclaration.allow("Org",
                        "members?[user == auth()] || (auth().orgId != null && auth().orgId == externalId)", READ),
                        RuleDeclaration.allow("Org", "auth() != null", CREATE), RuleDeclaration.allow("Org",
                                "members?[user == auth() && role in ['OWNER', 'ADMIN']]", UPDATE, DELETE)));
        rules.put("Membership",
                List.of(RuleDeclaration.allow("Membership", "user == auth() || org.members?[user == auth()]", READ),
                        RuleDeclaration.allow("Membership",
                                "org.members?[user == auth() && role in ['OWNER', 'ADMIN']]", ALL),
                        RuleDeclaration.deny("Membership", "before().role != role && user == auth()", POST_UPDATE)));
        for (int i = 0; i < DOMAIN_ENTITIES; i++) {
            rules.put(name(i), domainRules(i));
        }
        return rules;
    }

    static List<RuleDeclaration> domainRules(int i) {
        String entity = name(i);
        List<RuleDeclaration> rules = new ArrayList<>();
        rules.add(RuleDeclaration.allow(entity, "org.members?[user == auth()]", READ));
        rules.add(RuleDeclaration.allow(entity, "owner == auth()", READ));
        rules.add(RuleDeclaration.allow(entity,
                "status == 'PUBLISHED' && !archived && (region == null || region == auth().region)", READ));
        if (i > 0) {
            rules.add(RuleDeclaration.allow(entity, "check(parent)", READ));
            rules.add(RuleDeclaration.allow(entity, "auth() != null && check(parent, 'update')", CREATE));
        }
        else {
            rules.add(RuleDeclaration.allow(entity, "org.members?[user == auth()]", CREATE));
        }
        switch (i % 4) {
            case 0 ->
                rules.add(RuleDeclaration.allow(entity, "contains(title, 'public', true) && auth() != null", READ));
            case 1 -> rules.add(RuleDeclaration.allow(entity,
                    "hasSome(auth().orgPermissions, ['org:docs:read', 'org:docs:manage']) && auth().orgId == org.externalId",
                    READ));
            case 2 -> rules.add(RuleDeclaration.allow(entity, "createdAt < now() && priority >= 2", READ));
            default -> rules.add(RuleDeclaration.allow(entity,
                    "startsWith(title, '[shared]') || endsWith(title, '.pub', true)", READ));
        }
        rules.add(RuleDeclaration.allow(entity,
                "owner == auth() || org.members?[user == auth() && role in ['OWNER', 'ADMIN']]", UPDATE));
        rules.add(RuleDeclaration.allow(entity, "before().owner == owner || has(auth().roles, 'admin')", POST_UPDATE));
        rules.add(RuleDeclaration.allow(entity,
                hasChildren(i) ? "owner == auth() && children^[!archived]" : "owner == auth() && priority < 3",
                DELETE));
        if (i % 3 == 0) {
            rules.add(RuleDeclaration.deny(entity, "archived && !has(auth().roles, 'admin')", ALL));
        }
        if (i % 5 == 0) {
            rules.add(RuleDeclaration.deny(entity, "auth().orgId != null && org.externalId != auth().orgId", READ));
        }
        return rules;
    }

    static String name(int i) {
        return "Entity" + i;
    }

    static int parent(int i) {
        return (i - 1) / 4;
    }

    static boolean hasChildren(int i) {
        return 4 * i + 1 < DOMAIN_ENTITIES;
    }

}
