package dev.rowguard.hibernate.internal;

import java.util.function.Supplier;

import org.hibernate.resource.beans.spi.ManagedBean;

/** A filter parameter resolver handed to Hibernate as an already-built bean. */
final class ProvidedBean implements ManagedBean<Supplier<?>> {

    private final Supplier<?> supplier;

    ProvidedBean(Supplier<?> supplier) {
        this.supplier = supplier;
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Class<Supplier<?>> getBeanClass() {
        return (Class) Supplier.class;
    }

    @Override
    public Supplier<?> getBeanInstance() {
        return supplier;
    }

}
