/**
 * The Hibernate integration: read filters, write checks, mapping coverage and the
 * permission checks, wired through Hibernate's SPI. Not API; may change in any release.
 */
@NullMarked
package dev.rowguard.hibernate.internal;

import org.jspecify.annotations.NullMarked;
