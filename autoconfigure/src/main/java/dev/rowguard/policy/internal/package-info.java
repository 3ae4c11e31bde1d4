/**
 * Internals of the policy language: reading {@code @Allow} / {@code @Deny} into one
 * checked policy set per entity. Not API; may change in any release.
 */
@NullMarked
package dev.rowguard.policy.internal;

import org.jspecify.annotations.NullMarked;
