package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.PersistentClass;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Hibernate's boot metadata for a set of entity classes, built without an application and
 * without a database (no JDBC metadata access, PostgreSQL, Rowguard's own contributor
 * switched off), named as a Spring Boot application names its tables and columns unless
 * told otherwise.
 */
public final class OfflineMetadata {

    /** Spring Boot's defaults: {@code spring.jpa.hibernate.naming.*}. */
    public static final String BOOT_PHYSICAL_NAMING = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

    public static final String BOOT_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

    private OfflineMetadata() {
    }

    /**
     * The {@code @Entity}, {@code @Embeddable} and {@code @MappedSuperclass} classes of
     * the packages, sorted by name.
     */
    public static List<Class<?>> scan(List<String> packages, ClassLoader loader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Embeddable.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(MappedSuperclass.class));
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(loader));
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
                names.add(candidate.getBeanClassName());
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(ClassUtils.resolveClassName(name, loader));
        }
        return classes;
    }

    /**
     * Builds the metadata of {@code classes}, hands its entity bindings (by entity name,
     * in Hibernate's order) to {@code reader} and closes the registry.
     * @param physicalNaming a {@code PhysicalNamingStrategy} class name, or null for
     * Spring Boot's
     * @param implicitNaming an {@code ImplicitNamingStrategy} class name, or null for
     * Spring Boot's (Hibernate's when absent)
     */
    public static <T> T read(Collection<Class<?>> classes, @Nullable String physicalNaming,
            @Nullable String implicitNaming, Function<Map<String, PersistentClass>, T> reader) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
            .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
            .applySetting(RowguardSettings.ENABLED, "false")
            .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                    physicalNaming != null ? physicalNaming : BOOT_PHYSICAL_NAMING);
        String implicit = implicitNaming != null ? implicitNaming
                : ClassUtils.isPresent(BOOT_IMPLICIT_NAMING, OfflineMetadata.class.getClassLoader())
                        ? BOOT_IMPLICIT_NAMING : null;
        if (implicit != null) {
            builder.applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, implicit);
        }
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            Map<String, PersistentClass> bindings = new LinkedHashMap<>();
            metadata.getEntityBindings().forEach(binding -> bindings.put(binding.getEntityName(), binding));
            return reader.apply(bindings);
        }
        finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

}
