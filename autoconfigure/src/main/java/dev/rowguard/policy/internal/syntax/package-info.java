/**
 * The policy language's lexer, parser and syntax tree. Not API.
 */
@NullMarked
package dev.rowguard.policy.internal.syntax;

import org.jspecify.annotations.NullMarked;
