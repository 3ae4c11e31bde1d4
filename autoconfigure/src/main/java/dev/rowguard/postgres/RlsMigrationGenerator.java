package dev.rowguard.postgres;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.rowguard.hibernate.internal.MappedPolicies;
import dev.rowguard.hibernate.internal.OfflineMetadata;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.postgres.internal.RlsMigration;
import dev.rowguard.postgres.internal.RowSources;

/**
 * Writes a Flyway migration that enables PostgreSQL row-level security on every table of
 * the annotated entities, with policies compiled from the same rules as Rowguard's
 * Hibernate filters: the defence for what Hibernate does not see (native SQL, other
 * clients of the database). The policies read the caller that
 * {@code rowguard.postgres.session-claims=true} sets in every transaction. Unchanged
 * annotations and options give the same file, byte for byte.
 *
 * <pre>
 * java -cp &lt;the application's classpath&gt; dev.rowguard.postgres.RlsMigrationGenerator \
 *     --packages com.example.domain --output src/main/resources/db/migration/V9__rowguard_rls.sql \
 *     [--hidden-references hide-row|unchecked] [--unannotated deny|allow] [--auth-attributes region,plan]
 *     [--physical-naming class] [--implicit-naming class] [--related-rows functions|views]
 * </pre>
 *
 * The options mean what the {@code rowguard.*} properties of the same names mean at
 * start-up; use the application's values. A rule that does not compile stops the
 * generator with start-up's message.
 */
public final class RlsMigrationGenerator {

    private RlsMigrationGenerator() {
    }

    /**
     * @param packages where the entities are (scanned for {@code @Entity})
     * @param hideRowsWithHiddenReferences {@code rowguard.policy.hidden-references}: true
     * for {@code hide-row} (the default)
     * @param allowUnannotated {@code rowguard.policy.unannotated}: true for {@code allow}
     * @param authAttributes the names under {@code rowguard.auth.attributes}
     * @param physicalNaming a {@code PhysicalNamingStrategy} class, or null for Spring
     * Boot's
     * @param implicitNaming an {@code ImplicitNamingStrategy} class, or null for Spring
     * Boot's
     * @param relatedRows how the policies read related rows: see {@link RelatedRows}
     */
    public record Options(List<String> packages, boolean hideRowsWithHiddenReferences, boolean allowUnannotated,
            Set<String> authAttributes, @Nullable String physicalNaming, @Nullable String implicitNaming,
            RelatedRows relatedRows) {

        public Options {
            packages = List.copyOf(packages);
            authAttributes = Set.copyOf(new LinkedHashSet<>(authAttributes));
            java.util.Objects.requireNonNull(relatedRows, "relatedRows");
        }

        /** With related rows read through functions, the default. */
        public Options(List<String> packages, boolean hideRowsWithHiddenReferences, boolean allowUnannotated,
                Set<String> authAttributes, @Nullable String physicalNaming, @Nullable String implicitNaming) {
            this(packages, hideRowsWithHiddenReferences, allowUnannotated, authAttributes, physicalNaming,
                    implicitNaming, RelatedRows.FUNCTIONS);
        }

        /** Start-up's defaults for the packages. */
        public static Options defaults(String... packages) {
            return new Options(List.of(packages), true, false, Set.of(), null, null);
        }

        public Options withRelatedRows(RelatedRows relatedRows) {
            return new Options(packages, hideRowsWithHiddenReferences, allowUnannotated, authAttributes, physicalNaming,
                    implicitNaming, relatedRows);
        }

        /** The command line that gives these options, for the file's header. */
        String commandLine() {
            StringBuilder line = new StringBuilder("--packages ").append(String.join(",", packages))
                .append(" --output <this file> --hidden-references ")
                .append(hideRowsWithHiddenReferences ? "hide-row" : "unchecked")
                .append(" --unannotated ")
                .append(allowUnannotated ? "allow" : "deny");
            if (!authAttributes.isEmpty()) {
                line.append(" --auth-attributes ").append(String.join(",", authAttributes.stream().sorted().toList()));
            }
            if (physicalNaming != null) {
                line.append(" --physical-naming ").append(physicalNaming);
            }
            if (implicitNaming != null) {
                line.append(" --implicit-naming ").append(implicitNaming);
            }
            if (relatedRows != RelatedRows.FUNCTIONS) {
                line.append(" --related-rows ").append(relatedRows.name().toLowerCase(java.util.Locale.ROOT));
            }
            return line.toString();
        }
    }

    /**
     * How a policy reads the related rows its rule reaches. Inside a policy PostgreSQL
     * would read them through their own table's policies, which changes what the rule
     * means and makes rules that reach each other recurse, so they are read past the
     * policies, in one of two ways.
     */
    public enum RelatedRows {

        /**
         * Through functions {@code rowguard."rows_
         *
        <table>
         * "()} that read as the system caller. Works whichever role the application
         * connects as, the tables' owner included (row-level security is forced on the
         * owner), but PostgreSQL cannot look into a function: a policy that reaches
         * another table reads all of it once per statement. The default.
         */
        FUNCTIONS,

        /**
         * Through views {@code rowguard."rows_
         *
        <table>
         * "}, owned by the role that runs the migration, which must own the tables: a
         * view reads with its owner's rights, and row-level security is left unforced on
         * the owner. PostgreSQL inlines the views and uses the indexes. Only when the
         * application connects as a role that does not own the tables (as Supabase's
         * {@code anon} and {@code authenticated} do): the owner's own statements pass
         * every policy.
         */
        VIEWS

    }

    /**
     * The migration's SQL, and what row-level security cannot express (also written as
     * comments in the SQL).
     */
    public record Result(String sql, List<String> warnings) {
    }

    /**
     * Generates for the entities found in the options' packages, with the current
     * thread's class loader.
     */
    public static Result generate(Options options) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = OfflineMetadata.scan(options.packages(),
                loader != null ? loader : RlsMigrationGenerator.class.getClassLoader());
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("No @Entity class in " + options.packages());
        }
        return generate(classes, options);
    }

    /**
     * Generates for the given entity classes.
     * @throws PolicyDefinitionException when a rule does not compile (start-up's message)
     */
    public static Result generate(Collection<Class<?>> entityClasses, Options options) {
        return OfflineMetadata.read(entityClasses, options.physicalNaming(), options.implicitNaming(), bindings -> {
            PolicySet policies = MappedPolicies.read(bindings, options.authAttributes(), options.allowUnannotated(),
                    options.hideRowsWithHiddenReferences());
            RlsMigration.Result result = RlsMigration.write(policies, MappedPolicies.partialTables(bindings.values()),
                    header(options),
                    options.relatedRows() == RelatedRows.VIEWS ? RowSources.VIEWS : RowSources.FUNCTIONS,
                    MappedPolicies.visibleColumns(bindings.values(), policies));
            return new Result(result.sql(), result.warnings());
        });
    }

    private static List<String> header(Options options) {
        return List.of(
                "Row-level security for Rowguard's @Allow / @Deny policies. Generated: do not edit, regenerate with",
                "  java -cp <the application's classpath> " + RlsMigrationGenerator.class.getName() + " "
                        + options.commandLine(),
                "Unchanged annotations and options give this file byte for byte (docs/enforcement.md).",
                "The policies read the caller that rowguard.postgres.session-claims=true sets in every transaction;",
                "without it a statement has no caller and sees what an anonymous one would. A later migration that",
                "writes protected rows starts with: SELECT set_config('rowguard.caller', 'system', true);");
    }

    public static void main(String... args) {
        Options options;
        Path output;
        try {
            Arguments parsed = Arguments.parse(args);
            options = parsed.options();
            output = parsed.output();
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(2);
            return;
        }
        try {
            Result result = generate(options);
            result.warnings()
                .forEach(warning -> System.err.println("WARNING: not expressible in row-level security: " + warning));
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            Files.writeString(output, result.sql(), StandardCharsets.UTF_8);
            System.out.println("Rowguard: wrote " + output);
        }
        catch (PolicyDefinitionException | IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.exit(1);
        }
        catch (IOException ex) {
            System.err.println("Cannot write " + output + ": " + ex.getMessage());
            System.exit(1);
        }
    }

    /** The command line's options and output file. */
    record Arguments(Options options, Path output) {

        static final String USAGE = "usage: " + RlsMigrationGenerator.class.getName()
                + " --packages a.b,c.d --output file.sql"
                + " [--hidden-references hide-row|unchecked] [--unannotated deny|allow] [--auth-attributes x,y]"
                + " [--physical-naming class] [--implicit-naming class] [--related-rows functions|views]";

        static Arguments parse(String... args) {
            List<String> packages = new ArrayList<>();
            Path output = null;
            boolean hide = true;
            boolean allow = false;
            Set<String> attributes = new LinkedHashSet<>();
            String physical = null;
            String implicit = null;
            RelatedRows relatedRows = RelatedRows.FUNCTIONS;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--packages" -> packages.addAll(list(value));
                    case "--output" -> output = Path.of(value);
                    case "--hidden-references" -> hide = choice(name, value, "hide-row", "unchecked");
                    case "--unannotated" -> allow = !choice(name, value, "deny", "allow");
                    case "--auth-attributes" -> attributes.addAll(list(value));
                    case "--physical-naming" -> physical = value;
                    case "--implicit-naming" -> implicit = value;
                    case "--related-rows" -> relatedRows = choice(name, value, "functions", "views")
                            ? RelatedRows.FUNCTIONS : RelatedRows.VIEWS;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (packages.isEmpty() || output == null) {
                throw new IllegalArgumentException("--packages and --output are required");
            }
            return new Arguments(new Options(packages, hide, allow, attributes, physical, implicit, relatedRows),
                    output);
        }

        private static List<String> list(String value) {
            return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }

        /** True for the first choice. */
        private static boolean choice(String name, String value, String first, String second) {
            if (!value.equals(first) && !value.equals(second)) {
                throw new IllegalArgumentException(name + " is " + first + " or " + second + ", not " + value);
            }
            return value.equals(first);
        }
    }

}
