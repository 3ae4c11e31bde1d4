/**
 * Internals of the PostgreSQL side: the row-level security generator's SQL and the
 * session claims. Not API.
 */
@NullMarked
package dev.rowguard.postgres.internal;

import org.jspecify.annotations.NullMarked;
