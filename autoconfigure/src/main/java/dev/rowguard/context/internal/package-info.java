/**
 * Internals of the caller context: the switches behind {@code Rowguard.runAs} and
 * {@code asSystem}. Not API; may change in any release.
 */
@NullMarked
package dev.rowguard.context.internal;

import org.jspecify.annotations.NullMarked;
