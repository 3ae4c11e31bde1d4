/**
 * Compiling folded policies to SQL conditions: the read filters, write checks and the
 * generated row-level security. Not API.
 */
@NullMarked
package dev.rowguard.policy.internal.sql;

import org.jspecify.annotations.NullMarked;
