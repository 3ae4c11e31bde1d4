/**
 * The policy annotations ({@code @Allow}, {@code @Deny}, {@code @AuthDefault},
 * {@code @AuthEntity}), the operations they cover, and the exceptions a denied write or a
 * wrong rule raises.
 */
@NullMarked
package dev.rowguard.policy;

import org.jspecify.annotations.NullMarked;
