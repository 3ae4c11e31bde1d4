/**
 * The sample application: a todo, blog and expense-report API whose rows Rowguard
 * protects.
 */
@NullMarked
package dev.rowguard.sample;

import org.jspecify.annotations.NullMarked;
