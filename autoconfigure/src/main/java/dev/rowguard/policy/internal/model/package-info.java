/**
 * The domain model policies are checked against: entities, attributes, relations and
 * value kinds. Not API.
 */
@NullMarked
package dev.rowguard.policy.internal.model;

import org.jspecify.annotations.NullMarked;
