/**
 * Auto-configuration of token verification for Clerk, Supabase and OpenID Connect, the
 * caller model for every Spring Security authentication, and the
 * {@code rowguard.clerk|supabase|oidc|auth.*} properties.
 */
@NullMarked
package dev.rowguard.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
