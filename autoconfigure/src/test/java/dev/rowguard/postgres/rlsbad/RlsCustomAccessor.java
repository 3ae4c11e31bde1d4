package dev.rowguard.postgres.rlsbad;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.AttributeAccessor;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.property.access.spi.PropertyAccessStrategy;

import static dev.rowguard.policy.Operation.READ;

/**
 * An attribute reached through an application's own property-access strategy, one that
 * fails outside its own runtime: Rowguard cannot read the attribute's type.
 */
@Entity
@Allow(value = READ, when = "title == 'a'")
public class RlsCustomAccessor {

    @Id
    Long id;

    @AttributeAccessor(strategy = AvailableOnlyAtRunTime.class)
    String title;

    /** A strategy that refuses to be built where its runtime is missing. */
    public static class AvailableOnlyAtRunTime implements PropertyAccessStrategy {

        @Override
        public PropertyAccess buildPropertyAccess(Class<?> containerJavaType, String propertyName,
                boolean setterRequired) {
            throw new UnsupportedOperationException("the accessor's runtime is not started");
        }

    }

}
