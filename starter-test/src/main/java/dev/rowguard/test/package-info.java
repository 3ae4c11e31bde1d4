/**
 * Test support for policies: run a test or a MockMvc request as a Rowguard caller,
 * without a server or a token. See {@link dev.rowguard.test.WithAuthPrincipal} and
 * {@link dev.rowguard.test.RowguardRequestPostProcessors}.
 */
@NullMarked
package dev.rowguard.test;

import org.jspecify.annotations.NullMarked;
