/**
 * Auto-configuration of the enforcement through Hibernate, and its
 * {@code rowguard.policy.*} and {@code rowguard.postgres.*} properties.
 */
@NullMarked
package dev.rowguard.autoconfigure.jpa;

import org.jspecify.annotations.NullMarked;
