package dev.rowguard.hibernate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.RuleDeclaration;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.sql.FilterShapes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.JoinedSubclass;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.resource.beans.spi.ManagedBean;

/**
 * At mapping time: reads the policies of every entity, type-checks them (start-up fails
 * on any mistake) and registers each read rule as Hibernate filters on the entity and on
 * every collection of it.
 */
public final class PolicyMappingContributor implements AdditionalMappingContributor {

    private static final Log log = LogFactory.getLog("dev.rowguard");
    static final String PARAMETER_PREFIX = "rg_p";

    static final String GATE_PARAMETER = "rg_untouched";

    @Override
    public String getContributorName() {
        return "rowguard";
    }

    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            ResourceStreamLocator resources, MetadataBuildingContext context) {
        RowguardSettings settings = RowguardSettings.from(context.getBootstrapContext()
            .getServiceRegistry()
            .requireService(ConfigurationService.class)
            .getSettings());
        if (!settings.enabled()) {
            return;
        }
        HibernateVersionCheck.require(org.hibernate.Version.getVersionString());
        Map<String, Object> configuration = context.getBootstrapContext()
            .getServiceRegistry()
            .requireService(ConfigurationService.class)
            .getSettings();
        long started = System.nanoTime();
        Map<String, PersistentClass> bindings = metadata.getEntityBindingMap();
        PolicySet policies = MappedPolicies.read(bindings, settings.authAttributes(), settings.allowUnannotated(),
                settings.hideRowsWithHiddenReferences());
        DomainModel model = policies.model();
        Map<String, String> jpaNames = new LinkedHashMap<>();
        bindings.values().forEach(binding -> jpaNames.put(binding.getEntityName(), binding.getJpaEntityName()));
        PolicyRuntime runtime = new PolicyRuntime(policies, jpaNames, settings.sessionClaims());
        Map<String, Bound> readRules = new LinkedHashMap<>();
        for (PersistentClass binding : bindings.values()) {
            if (!policies.entities().contains(binding.getJpaEntityName())) {
                continue; // not in the model (no single id attribute): MappingCoverage
                          // refuses it below
            }
            Bound read = policies.rule(binding.getJpaEntityName(), Operation.READ);
            if (!Bound.Const.TRUE.equals(read)) {
                readRules.put(binding.getJpaEntityName(), read);
            }
        }
        MappingCoverage.check(bindings.values(), entityName -> readRules.containsKey(jpaNames.get(entityName)),
                entityName -> jpaNames.getOrDefault(entityName, entityName), settings.hideRowsWithHiddenReferences());
        List<String> rawSql = RawSqlInMappings.find(bindings.values(),
                bindings.values()
                    .stream()
                    .filter(binding -> readRules.containsKey(binding.getJpaEntityName())
                            || !policies.fieldRules().fields(binding.getJpaEntityName(), Operation.READ).isEmpty())
                    .toList());
        if (!rawSql.isEmpty()) {
            log.warn("Rowguard: " + rawSql.size() + " mappings hold SQL that reads the tables of protected entities"
                    + " without their read rules, as native queries do: " + rawSql + ". Use a relation instead, or"
                    + " cover those tables with the generated row-level security (docs/enforcement.md).");
        }
        Map<String, FilterShapes> shapesByEntity;
        try {
            shapesByEntity = FilterShapes.enumerateAll(readRules, policies, model, PARAMETER_PREFIX,
                    settings.maxShapes());
        }
        catch (FilterShapes.TooManyShapes ex) {
            throw new IllegalStateException("The read rule of entity " + ex.entity() + " has " + ex.getMessage()
                    + " for different callers; raise " + RowguardSettings.MAX_SHAPES
                    + " or simplify the auth()-only parts of its rules", ex);
        }
        long compiledNanos = System.nanoTime() - started;
        int filtered = 0;
        int shapeCount = 0;
        for (PersistentClass binding : bindings.values()) {
            FilterShapes shapes = shapesByEntity.get(binding.getJpaEntityName());
            if (shapes == null) {
                continue;
            }
            requireRootsFilter(binding, shapes, shapesByEntity);
            CacheRefusal.check(configuration, binding, collectionsOf(metadata, binding));
            ReadFilters filters = new ReadFilters(binding.getJpaEntityName(), shapes);
            try {
                register(metadata, binding, filters, runtime);
            }
            catch (RuntimeException ex) {
                throw UnhandledMapping.of(binding.getJpaEntityName(), ex);
            }
            runtime.addReadFilters(filters);
            filtered++;
            shapeCount += filters.shapes().size();
        }
        metadata.addFilterDefinition(
                new FilterDefinition(PolicyRuntime.CALLER_MARKER, "1 = 1", false, false, Map.of(), Map.of()));
        maskFields(bindings.values(), policies, runtime, metadata, configuration);
        report(policies, filtered, shapeCount, compiledNanos, runtime);
        PolicyRuntimes.register(context.getBootstrapContext(), runtime);
    }

    /**
     * Gives every column of a field with read rules its masked read expression, writes
     * those entities with only their changed columns (a hidden value, null as loaded, is
     * then never written back), and hands the masks to Rowguard's statement inspector.
     */
    private static void maskFields(java.util.Collection<PersistentClass> bindings, PolicySet policies,
            PolicyRuntime runtime, InFlightMetadataCollector metadata, Map<String, Object> configuration) {
        FieldMasks masks = new FieldMasks(runtime.compiler(), policies);
        Dialect dialect = metadata.getDatabase().getDialect();
        for (FieldRuleTargets.Target target : FieldRuleTargets.resolve(bindings, policies)) {
            // only changed columns are written: a hidden value (null as loaded) is never
            // written back, nor a frozen one someone else changed meanwhile
            target.binding().getRootClass().setDynamicUpdate(true);
            target.binding().getRootClass().getSubclassClosure().forEach(type -> type.setDynamicUpdate(true));
            if (policies.fieldRules().fields(target.entity(), Operation.READ).contains(target.field())) {
                // a cached entity or result would carry one caller's view of the field to
                // another
                CacheRefusal.check(configuration, target.binding(), collectionsOf(metadata, target.binding()));
                masks.mask(target.column(), target.entity(), target.field(), SqlIdentifiers.of(target.table()),
                        dialect);
            }
        }
        runtime.useFieldMasks(masks);
        if (masks.isEmpty()) {
            return;
        }
        if (!(configuration
            .get(JdbcSettings.STATEMENT_INSPECTOR) instanceof FieldMaskingStatementInspector inspector)) {
            throw new IllegalStateException("Rowguard hides fields through its statement inspector, but "
                    + JdbcSettings.STATEMENT_INSPECTOR + " was replaced after Rowguard set it ("
                    + configuration.get(JdbcSettings.STATEMENT_INSPECTOR) + "). Leave the setting to Rowguard: it"
                    + " calls the application's inspector configured before it.");
        }
        inspector.use(masks);
    }

    /**
     * A JOINED subclass is filtered by its root's filter (on the root's table). Its own
     * read rule must therefore come out the same: with hidden-references: hide-row, a
     * to-one declared on the subclass would add a condition on the subclass's table that
     * the root's filter lacks.
     */
    private static void requireRootsFilter(PersistentClass binding, FilterShapes shapes,
            Map<String, FilterShapes> shapesByEntity) {
        if (!(binding instanceof JoinedSubclass)) {
            return;
        }
        String root = binding.getRootClass().getJpaEntityName();
        FilterShapes rootShapes = shapesByEntity.get(root);
        List<String> own = shapes.shapes().stream().map(shape -> shape.sql()).toList();
        List<String> roots = rootShapes == null ? List.of()
                : rootShapes.shapes().stream().map(shape -> shape.sql()).toList();
        if (!own.equals(roots)) {
            throw new PolicyDefinitionException(List.of("Rowguard cannot filter " + binding.getJpaEntityName()
                    + ", a JOINED subclass of " + root + ", by its own read rule: Hibernate" + " filters it through "
                    + root + "'s table, and its rule differs from " + root + "'s (a to-one" + " declared on "
                    + binding.getJpaEntityName() + " to a protected entity hides its rows under"
                    + " hidden-references: hide-row). Declare the relation on " + root + ", or map the hierarchy"
                    + " with SINGLE_TABLE or TABLE_PER_CLASS."));
        }
    }

    private static void register(InFlightMetadataCollector metadata, PersistentClass binding, ReadFilters filters,
            PolicyRuntime runtime) {
        List<Collection> collections = collectionsOf(metadata, binding);
        // A JOINED subclass's own table holds only its own columns: the rule's columns
        // are in the root's table,
        // and Hibernate applies the root's filters to the subclass's queries already.
        PersistentClass columns = binding instanceof JoinedSubclass ? binding.getRootClass() : binding;
        for (FilterShapes.FilterShape shape : filters.shapes()) {
            String name = filters.shapeFilterName(shape.id());
            Map<String, JdbcMapping> types = new LinkedHashMap<>();
            Map<String, ManagedBean<? extends Supplier<?>>> resolvers = new LinkedHashMap<>();
            shape.parameterTypes().forEach((index, javaType) -> {
                types.put(PARAMETER_PREFIX + index, metadata.getTypeConfiguration().getBasicTypeForJavaType(javaType));
                resolvers.put(PARAMETER_PREFIX + index,
                        new ProvidedBean(() -> runtime.parameter(filters, shape, index)));
            });
            metadata.addFilterDefinition(new FilterDefinition(name, shape.sql(), false, true, types, resolvers));
            addFilter(binding, columns, collections, name, shape.sql());
            // the same condition, row-driven: swapped in for loads and queries by id
            String rowDriven = filters.rowDrivenFilterName(shape.id());
            metadata
                .addFilterDefinition(new FilterDefinition(rowDriven, shape.rowSql(), false, true, types, resolvers));
            addFilter(binding, columns, collections, rowDriven, shape.rowSql());
        }
        if (metadata.getFilterDefinition(PolicyRuntime.GATE) == null) {
            // The parameter is never read: a value set on it (Filter.setParameter) before
            // Rowguard chose the session's filters is how tampering shows.
            metadata.addFilterDefinition(new FilterDefinition(PolicyRuntime.GATE, "1 = 0", true, true,
                    Map.of(GATE_PARAMETER, metadata.getTypeConfiguration().getBasicTypeForJavaType(String.class)),
                    Map.of(GATE_PARAMETER, new ProvidedBean(() -> ""))));
        }
        addFilter(binding, columns, collections, PolicyRuntime.GATE, "1 = 0");
    }

    /**
     * @param columns the class whose table holds the rule's columns: the entity itself,
     * or the root of a JOINED hierarchy, whose filter the entity inherits
     */
    private static void addFilter(PersistentClass binding, PersistentClass columns, List<Collection> collections,
            String name, String condition) {
        if (columns == binding) {
            binding.addFilter(name, condition, false, Map.of(), Map.of());
        }
        // A collection's filter has no entity of its own: name the element entity so that
        // {alias} resolves.
        Map<String, String> elementAlias = Map.of("alias", columns.getEntityName());
        for (Collection collection : collections) {
            if (collection.getElement() instanceof OneToMany) {
                collection.addFilter(name, condition, false, Map.of(), elementAlias);
            }
            else {
                // Hibernate 7.4 fails on {alias} in a many-to-many filter (its helper has
                // no table-to-entity
                // map); there the outer columns go unqualified and Hibernate qualifies
                // them itself, which is
                // safe because every column inside Rowguard's subqueries is qualified.
                if (columns == binding) {
                    // (Hibernate would qualify the columns with a JOINED subclass's own
                    // table; there the
                    // join-table condition below and the root's inherited filter carry
                    // the rule.)
                    collection.addManyToManyFilter(name, condition.replace("{alias}.", ""), true, Map.of(), Map.of());
                }
                // The join table gets the rule too: size() and other paths read it
                // without joining the element table.
                collection.addFilter(name, onJoinTable(columns, (ManyToOne) collection.getElement(), condition), true,
                        Map.of(), Map.of());
            }
        }
    }

    /**
     * The element's rule as a condition on a join-table row: its element exists and
     * passes. The join-table column goes unqualified, like the many-to-many filter's, for
     * Hibernate to qualify.
     */
    private static String onJoinTable(PersistentClass element, ManyToOne link, String condition) {
        if (condition.equals("1 = 0")) {
            return condition;
        }
        String elementColumn = SqlIdentifiers.of(link.getColumns().get(0));
        String idColumn = SqlIdentifiers.of(element.getIdentifier().getColumns().get(0));
        return "EXISTS (SELECT 1 FROM " + SqlIdentifiers.of(element.getTable()) + " rg_el WHERE rg_el." + idColumn
                + " = " + elementColumn + " AND (" + condition.replace("{alias}", "rg_el") + "))";
    }

    private static List<Collection> collectionsOf(InFlightMetadataCollector metadata, PersistentClass binding) {
        return metadata.getCollectionBindings()
            .stream()
            .filter(collection -> (collection.getElement() instanceof OneToMany oneToMany
                    && binding.getEntityName().equals(oneToMany.getReferencedEntityName()))
                    || (collection.getElement() instanceof ManyToOne manyToOne
                            && binding.getEntityName().equals(manyToOne.getReferencedEntityName())))
            .toList();
    }

    private static void report(PolicySet policies, int filtered, int shapes, long compiledNanos,
            PolicyRuntime runtime) {
        if (!policies.unannotatedEntities().isEmpty()) {
            String closedOrOpen = Bound.Const.FALSE
                .equals(policies.rule(policies.unannotatedEntities().iterator().next(), Operation.READ)) ? "closed"
                        : "open";
            log.warn("Rowguard: " + policies.unannotatedEntities().size() + " entities have no @Allow/@Deny and are "
                    + closedOrOpen + " for every caller but the system context: " + policies.unannotatedEntities()
                    + " (set rowguard.policy.unannotated to change this)");
        }
        log.info("Rowguard: enforcing policies on " + policies.entities().size() + " entities (" + filtered
                + " with read filters, " + shapes + " filter shapes; rules read, checked and compiled in "
                + compiledNanos / 1_000_000 + " ms)");
        if (log.isDebugEnabled()) {
            for (EntityModel entity : policies.model().entities()) {
                for (Operation operation : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE,
                        Operation.POST_UPDATE, Operation.DELETE)) {
                    Bound rule = policies.rule(entity.name(), operation);
                    String rules = Bound.Const.TRUE.equals(rule) ? "open to every caller"
                            : Bound.Const.FALSE.equals(rule) ? "closed to every caller"
                                    : policies.declarations(entity.name())
                                        .stream()
                                        .filter(declaration -> declaration.covers(operation))
                                        .map(RuleDeclaration::describe)
                                        .collect(java.util.stream.Collectors.joining(" "));
                    log.debug("Rowguard: " + entity.name() + " " + operation + ": " + rules);
                }
            }
            for (ReadFilters filters : runtime.readFilters()) {
                for (FilterShapes.FilterShape shape : filters.shapes()) {
                    log.debug(
                            "Rowguard: " + filters.entity() + " read filter shape " + shape.id() + ": " + shape.sql());
                }
            }
        }
    }

}
