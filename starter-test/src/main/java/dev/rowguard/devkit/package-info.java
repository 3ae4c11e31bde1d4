/**
 * Dev services for a Rowguard application, for tests and local runs only: a PostgreSQL
 * (Testcontainers when Docker answers, else embedded) and a local token issuer the
 * application trusts. Start with {@link dev.rowguard.devkit.RowguardDevServices}.
 */
@NullMarked
package dev.rowguard.devkit;

import org.jspecify.annotations.NullMarked;
