package dev.rowguard.hibernate.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Rowguard builds on Hibernate ORM's filter, event and extension SPIs, some of them
 * incubating, and on how Hibernate applies filters to collections. Older 7.4 releases
 * show hidden elements of many-to-many collections (7.4.1) or fail on them (7.4.5), so
 * start-up refuses any Hibernate below {@value #MINIMUM}; a newer minor version than the
 * one tested starts with a warning. CI runs the enforcement suites on the oldest and the
 * newest supported release.
 */
final class HibernateVersionCheck {

    static final String MINIMUM = "7.4.13";

    private static final String TESTED_MINOR = "7.4";

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    private static final Log log = LogFactory.getLog("dev.rowguard");

    private HibernateVersionCheck() {
    }

    /**
     * @throws IllegalStateException when the version is older than {@link #MINIMUM}
     */
    static void require(@Nullable String version) {
        Matcher matcher = VERSION.matcher(version == null ? "" : version);
        if (!matcher.find()) {
            log.warn("Rowguard: cannot read Hibernate ORM's version '" + version + "'; Rowguard is tested with "
                    + MINIMUM + " and newer " + TESTED_MINOR + ".x releases");
            return;
        }
        int[] actual = { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)) };
        int[] minimum = { 7, 4, 13 };
        if (compare(actual, minimum) < 0) {
            throw new IllegalStateException("Rowguard needs Hibernate ORM " + MINIMUM + " or a newer " + TESTED_MINOR
                    + ".x, but this application runs " + version + ": older releases do not apply Rowguard's"
                    + " filters to every collection (7.4.1 shows hidden many-to-many elements). Use Spring Boot's"
                    + " managed version (Spring Boot 4.1.2 or newer) or set hibernate.version to " + MINIMUM
                    + " or newer.");
        }
        if (actual[0] != 7 || actual[1] != 4) {
            log.warn("Rowguard: Hibernate ORM " + version + " is newer than the releases Rowguard is tested with ("
                    + MINIMUM + " and newer " + TESTED_MINOR + ".x); run your enforcement tests before relying on it");
        }
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

}
