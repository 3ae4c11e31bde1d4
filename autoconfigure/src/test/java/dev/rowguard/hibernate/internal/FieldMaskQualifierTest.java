package dev.rowguard.hibernate.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field mask's marker is found by its text; the row it tests is named by the qualifier
 * read backwards from it, as PostgreSQL's lexer would read it forwards.
 */
class FieldMaskQualifierTest {

    static final String MARKER = "rgabcm0";

    String qualifierOf(String sql) {
        int marker = sql.indexOf(MARKER);
        int start = FieldMasks.qualifierStart(sql, marker, 0);
        return start == marker ? "" : sql.substring(start, marker - 1);
    }

    @Test
    void aPlainAliasQualifiesTheMarker() {
        assertThat(qualifierOf("select (case when t1_0." + MARKER + " then t1_0.note end)")).isEqualTo("t1_0");
    }

    @Test
    void aQuotedIdentifierWithDoubledQuotesQualifiesTheMarkerWhole() {
        assertThat(qualifierOf("when \"my \"\"odd\"\" table\"." + MARKER)).isEqualTo("\"my \"\"odd\"\" table\"");
        assertThat(qualifierOf("when \"\"\"a\"." + MARKER)).isEqualTo("\"\"\"a\"");
    }

    @Test
    void aMarkerWithoutADotHasNoQualifier() {
        assertThat(qualifierOf("when " + MARKER + " then")).isEmpty();
        assertThat(qualifierOf(MARKER)).isEmpty();
        assertThat(qualifierOf("." + MARKER)).isEmpty();
    }

    @Test
    void anIdentifierStartsAtItsFirstLetterOrUnderscore() {
        assertThat(qualifierOf("when 9_x$1." + MARKER)).isEqualTo("_x$1");
        assertThat(qualifierOf("when (12." + MARKER)).isEmpty();
    }

    @Test
    void theQualifierNeverReachesBackIntoWhatWasAlreadyReplaced() {
        String sql = "abc.def." + MARKER;
        int marker = sql.indexOf(MARKER);
        assertThat(sql.substring(FieldMasks.qualifierStart(sql, marker, 4), marker - 1)).isEqualTo("def");
    }

}
