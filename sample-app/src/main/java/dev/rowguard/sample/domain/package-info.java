/**
 * The sample's entities, with the Rowguard rules on them, and their repositories.
 */
@NullMarked
package dev.rowguard.sample.domain;

import org.jspecify.annotations.NullMarked;
