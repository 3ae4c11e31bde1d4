/**
 * Rowguard in Spring Boot Actuator: the {@code rowguard} endpoint, the {@code rowguard}
 * health contributor and the {@code rowguard.*} counters, when the application has
 * actuator and Micrometer.
 */
@NullMarked
package dev.rowguard.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
