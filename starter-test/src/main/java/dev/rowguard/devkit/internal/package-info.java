/**
 * Internals of the dev services: the embedded or container database, the local token
 * issuer and its endpoint. Not API.
 */
@NullMarked
package dev.rowguard.devkit.internal;

import org.jspecify.annotations.NullMarked;
