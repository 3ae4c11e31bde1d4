/**
 * PostgreSQL row-level security generated from the same annotations:
 * {@link dev.rowguard.postgres.RlsMigrationGenerator}.
 */
@NullMarked
package dev.rowguard.postgres;

import org.jspecify.annotations.NullMarked;
