/**
 * Who policies are enforced for on the current thread:
 * {@link dev.rowguard.context.Caller} and {@link dev.rowguard.context.CallerContext}.
 */
@NullMarked
package dev.rowguard.context;

import org.jspecify.annotations.NullMarked;
