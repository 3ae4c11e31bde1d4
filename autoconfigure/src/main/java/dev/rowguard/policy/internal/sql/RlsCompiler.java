package dev.rowguard.policy.internal.sql;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.model.DomainModel;

/**
 * Compiles a bound rule to a PostgreSQL row-level security expression, through the same
 * pipeline as the Hibernate filters ({@link Folder}, {@link Hoister}, {@link Simplifier},
 * {@link SqlWriter}) with one difference: the principal is not known when the policy is
 * written, so {@link SymbolicDecisions} leaves every principal-dependent part to the
 * database, where the {@code rowguard} functions read it from the transaction's settings.
 * A rule must not read {@code before()}: row-level security cannot see the old row in a
 * {@code WITH CHECK}.
 */
public final class RlsCompiler {

    private final DomainModel model;

    private final RuleSource rules;

    private final UnaryOperator<String> tableSource;

    /**
     * @param tableSource what a subquery reads for a table: related rows are read as they
     * are, not through their own policies (see {@code rowguard-functions.sql})
     */
    public RlsCompiler(DomainModel model, RuleSource rules, UnaryOperator<String> tableSource) {
        this.model = model;
        this.rules = rules;
        this.tableSource = tableSource;
    }

    /**
     * The rule as a policy expression over the table's columns, qualified with
     * {@code alias}.
     */
    public String condition(Bound rule, String alias) {
        Folder.Folded folded = Folder.fold(rule, new SymbolicDecisions(), rules, true);
        Bound hoisted = Simplifier.simplify(Hoister.hoist(folded.condition(), model), model);
        List<Object> values = folded.parameters();
        SqlWriter writer = new SqlWriter(model, alias, index -> sqlValue(values, index).sql(),
                index -> sqlValue(values, index).nullable(), tableSource);
        return writer.write(hoisted);
    }

    private static SymbolicDecisions.SqlValue sqlValue(List<Object> values, int index) {
        return (SymbolicDecisions.SqlValue) values.get(index);
    }

}
