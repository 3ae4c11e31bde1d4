/**
 * The sample's REST controllers and their error handling.
 */
@NullMarked
package dev.rowguard.sample.web;

import org.jspecify.annotations.NullMarked;
