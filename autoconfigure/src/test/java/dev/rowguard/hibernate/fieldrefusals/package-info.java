@NullMarked
package dev.rowguard.hibernate.fieldrefusals;

import org.jspecify.annotations.NullMarked;
