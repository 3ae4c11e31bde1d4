/**
 * The in-memory evaluator: a bound rule against one loaded row and caller. Not API.
 */
@NullMarked
package dev.rowguard.policy.internal.eval;

import org.jspecify.annotations.NullMarked;
