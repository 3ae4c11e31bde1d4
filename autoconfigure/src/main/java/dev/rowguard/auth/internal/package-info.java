/**
 * Internals of the identity side: token verification, claim mapping and the resolvers
 * behind {@link dev.rowguard.auth.AuthPrincipalResolver}. Not API; may change in any
 * release.
 */
@NullMarked
package dev.rowguard.auth.internal;

import org.jspecify.annotations.NullMarked;
