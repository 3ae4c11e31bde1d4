package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * A row as Hibernate holds it during a flush: the persister's property state and the id.
 */
final class StateRow implements Row {

    private final DomainModel domain;

    private final EntityModel model;

    private final EntityPersister persister;

    private final @Nullable Object id;

    private final Object[] state;

    private final SharedSessionContractImplementor session;

    StateRow(DomainModel domain, EntityModel model, EntityPersister persister, @Nullable Object id, Object[] state,
            SharedSessionContractImplementor session) {
        this.domain = domain;
        this.model = model;
        this.persister = persister;
        this.id = id;
        this.state = state;
        this.session = session;
    }

    @Override
    public @Nullable Object value(Attribute.Scalar attribute) {
        // an id policies cannot read (an @EmbeddedId) is none of the attributes
        Attribute.Scalar idAttribute = model.id();
        if (idAttribute != null && attribute.name().equals(idAttribute.name())) {
            return id;
        }
        Object value = state[persister.getPropertyIndex(attribute.name())];
        return model.attribute(attribute.name()) instanceof Attribute.ToOne ? idOf(value) : value;
    }

    @Override
    public @Nullable Row related(Attribute.ToOne relation) {
        return rowOf(state[persister.getPropertyIndex(relation.name())], relation.targetEntity());
    }

    @Override
    public List<Row> elements(Attribute.ToMany relation) {
        if (!relation.correlated()) {
            // rules that read auth() relations are decided in SQL only (not own columns)
            throw new IllegalStateException("Rowguard decides rules over auth() relations in SQL only");
        }
        Object value = state[persister.getPropertyIndex(relation.name())];
        List<Row> rows = new ArrayList<>();
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                rows.add(rowOf(element, relation.targetEntity()));
            }
        }
        return rows;
    }

    @Override
    public @Nullable Object foreignKey(Attribute.ToOne relation) {
        return idOf(state[persister.getPropertyIndex(relation.name())]);
    }

    Object[] state() {
        return state;
    }

    @Nullable Object id() {
        return id;
    }

    private @Nullable Row rowOf(@Nullable Object entity, String targetEntity) {
        if (entity == null) {
            return null;
        }
        EntityPersister target = session.getEntityPersister(null, entity);
        return new StateRow(domain, domain.entity(targetEntity), target, idOf(entity), target.getValues(entity),
                session);
    }

    /**
     * The id of a related entity; a state read back from the database holds the foreign
     * key itself.
     */
    private @Nullable Object idOf(@Nullable Object entity) {
        if (entity == null) {
            return null;
        }
        boolean isEntity = org.hibernate.proxy.HibernateProxy.extractLazyInitializer(entity) != null
                || session.getFactory().getMappingMetamodel().findEntityDescriptor(entity.getClass()) != null;
        return isEntity ? session.getFactory().getPersistenceUnitUtil().getIdentifier(entity) : entity;
    }

}
