/**
 * Spring MVC answers for denied writes (403) and hidden rows (404) as problem details,
 * and the caller as a controller parameter.
 */
@NullMarked
package dev.rowguard.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
