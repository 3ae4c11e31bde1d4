@NullMarked
package dev.rowguard.hibernate.fieldcache;

import org.jspecify.annotations.NullMarked;
