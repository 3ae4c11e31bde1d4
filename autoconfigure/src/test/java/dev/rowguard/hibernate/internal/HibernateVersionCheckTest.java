package dev.rowguard.hibernate.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HibernateVersionCheckTest {

    @Test
    void aHibernateOlderThanTheMinimumStopsStartUpNamingBoth() {
        assertThatThrownBy(() -> HibernateVersionCheck.require("7.4.1.Final")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("needs Hibernate ORM 7.4.13")
            .hasMessageContaining("runs 7.4.1.Final");
        assertThatThrownBy(() -> HibernateVersionCheck.require("7.1.8.Final"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMinimumNewerPatchesAndUnknownVersionsStart() {
        assertThatCode(() -> HibernateVersionCheck.require("7.4.13.Final")).doesNotThrowAnyException();
        assertThatCode(() -> HibernateVersionCheck.require("7.4.16.Final")).doesNotThrowAnyException();
        assertThatCode(() -> HibernateVersionCheck.require("7.5.0.Final")).doesNotThrowAnyException();
        assertThatCode(() -> HibernateVersionCheck.require("unknown")).doesNotThrowAnyException();
    }

    @Test
    void theRunningHibernateIsSupported() {
        assertThatCode(() -> HibernateVersionCheck.require(org.hibernate.Version.getVersionString()))
            .doesNotThrowAnyException();
    }

}
