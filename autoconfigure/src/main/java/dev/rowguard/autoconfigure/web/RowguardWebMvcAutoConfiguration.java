package dev.rowguard.autoconfigure.web;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/** Answers denied writes with 403 problem details in servlet web applications. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class RowguardWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PolicyViolationProblemHandler rowguardPolicyViolationProblemHandler() {
        return new PolicyViolationProblemHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.springframework.orm.ObjectOptimisticLockingFailureException")
    HiddenRowProblemHandler rowguardHiddenRowProblemHandler(
            ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        return new HiddenRowProblemHandler(entityManagerFactories);
    }

}
