/**
 * Spring Boot failure analysis for policies and mappings Rowguard cannot enforce.
 */
@NullMarked
package dev.rowguard.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
