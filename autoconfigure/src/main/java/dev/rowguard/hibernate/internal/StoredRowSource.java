package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rowguard.policy.internal.bind.ForeignKeys;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.model.domain.EntityDomainType;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Where a check reads an entity's stored rows from: its table, or for a JOINED subclass,
 * whose own table holds only its own columns, the join of its hierarchy's tables (never
 * an optional secondary table, which a row need not have) exposing every column its rules
 * read (and the id) under their own names.
 */
final class StoredRowSource {

    private StoredRowSource() {
    }

    /**
     * @param extraColumns further columns the check reads (a collection's key column)
     */
    static String of(DomainModel domain, EntityModel model, SessionFactoryImplementor sessionFactory,
            String... extraColumns) {
        EntityDomainType<?> type = sessionFactory.getJpaMetamodel().findEntityType(model.name());
        EntityPersister persister = type == null ? null
                : sessionFactory.getMappingMetamodel().findEntityDescriptor(type.getHibernateEntityName());
        if (!(persister instanceof JoinedSubclassEntityPersister joined) || joined.getTableSpan() < 2) {
            return model.table();
        }
        Set<String> columns = new LinkedHashSet<>(columnsOf(domain, model));
        columns.addAll(List.of(extraColumns));
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int table = 0; table < joined.getTableSpan(); table++) {
            if (!joined.isNullableTable(table)) {
                aliases.put(joined.getTableName(table), "rg_t" + table);
            }
        }
        List<String> selected = new ArrayList<>();
        for (String column : columns) {
            String table = tableOf(joined, column);
            selected.add(aliases.getOrDefault(table, "rg_t0") + "." + column + " AS " + column);
        }
        StringBuilder from = new StringBuilder(joined.getTableName(0)).append(" rg_t0");
        String[] rootKey = joined.getKeyColumns(0);
        for (int table = 1; table < joined.getTableSpan(); table++) {
            if (joined.isNullableTable(table)) {
                // an optional @SecondaryTable: no rule reads it, and a row need not have
                // one
                continue;
            }
            from.append(" JOIN ").append(joined.getTableName(table)).append(" rg_t").append(table).append(" ON ");
            String[] key = joined.getKeyColumns(table);
            for (int i = 0; i < key.length; i++) {
                from.append(i == 0 ? "" : " AND ")
                    .append("rg_t")
                    .append(table)
                    .append('.')
                    .append(key[i])
                    .append(" = rg_t0.")
                    .append(rootKey[i]);
            }
        }
        return "(SELECT " + String.join(", ", selected) + " FROM " + from + ")";
    }

    private static List<String> columnsOf(DomainModel domain, EntityModel model) {
        List<String> columns = new ArrayList<>();
        for (Attribute attribute : model.attributes().values()) {
            if (attribute instanceof Attribute.Scalar scalar) {
                columns.add(scalar.column());
            }
            else if (attribute instanceof Attribute.ToOne toOne) {
                Attribute.Scalar targetId = domain.entity(toOne.targetEntity()).id();
                if (targetId != null) {
                    columns.add(ForeignKeys.asScalar(toOne, targetId).column());
                }
            }
        }
        return columns;
    }

    private static @Nullable String tableOf(JoinedSubclassEntityPersister persister, String column) {
        try {
            return persister.getTableNameForColumn(column);
        }
        catch (RuntimeException unknownColumn) {
            return null;
        }
    }

}
