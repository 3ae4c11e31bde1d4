package dev.rowguard.autoconfigure.jpa;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/** Installs {@link CurrentCallerEntityManagerInitializer} on every JPA entity manager factory bean. */
final class EntityManagerInitializerPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractEntityManagerFactoryBean factory) {
            factory.setEntityManagerInitializer(new CurrentCallerEntityManagerInitializer());
        }
        return bean;
    }
}
