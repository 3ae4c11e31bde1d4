@NullMarked
package dev.rowguard.hibernate.fields;

import org.jspecify.annotations.NullMarked;
