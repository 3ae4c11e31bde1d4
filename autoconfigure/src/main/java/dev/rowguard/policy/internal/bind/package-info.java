/**
 * Binding parsed expressions to the domain model: attributes, relations and
 * {@code auth()} members, checked at start-up. Not API.
 */
@NullMarked
package dev.rowguard.policy.internal.bind;

import org.jspecify.annotations.NullMarked;
