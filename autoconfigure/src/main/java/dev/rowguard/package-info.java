/**
 * Rowguard's entry points for code that runs on behalf of a caller:
 * {@link dev.rowguard.Rowguard}.
 */
@NullMarked
package dev.rowguard;

import org.jspecify.annotations.NullMarked;
