package dev.rowguard.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as the given {@link dev.rowguard.auth.AuthPrincipal}: repositories,
 * services and MockMvc requests of the test see it as the caller, exactly as they would
 * see a user signed in with a token, so the policies decide as in production. On a test
 * method or class, like Spring Security's {@code @WithMockUser}.
 *
 * <pre>{@code
 * &#64;Test
 *

&#64;WithAuthPrincipal(id = "alice", roles = "manager", attributes = { "region=northeast", "approvalLimit=5000" })
 * void aManagerSeesTheReportsOfHerRegion() { ... }
 * }</pre>
 */
@Documented
@Inherited
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@WithSecurityContext(factory = WithAuthPrincipalSecurityContextFactory.class,
        setupBefore = TestExecutionEvent.TEST_METHOD)
public @interface WithAuthPrincipal {

    /** The principal's id, {@code auth().id}. */
    String id();

    /** Its roles, {@code auth().roles}; also granted as role authorities. */
    String[] roles() default {};

    /** The active organization's id, {@code auth().orgId}; empty for none. */
    String orgId() default "";

    /** The role in that organization, {@code auth().orgRole}; empty for none. */
    String orgRole() default "";

    /** The e-mail address, {@code auth().email}; empty for none. */
    String email() default "";

    /**
     * Further members of {@code auth()}, each {@code name=value}, the value typed as JSON
     * would type it: {@code approvalLimit=5000} a number, {@code verified=true} a
     * boolean, anything else a string.
     */
    String[] attributes() default {};

}
