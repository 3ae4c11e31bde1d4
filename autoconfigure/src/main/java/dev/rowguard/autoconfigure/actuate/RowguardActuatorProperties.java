package dev.rowguard.autoconfigure.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the {@code rowguard} actuator endpoint shows.
 */
@ConfigurationProperties("rowguard.actuator")
public class RowguardActuatorProperties {

    /**
     * Whether the endpoint shows the SQL of every read-filter shape. Off by default: the
     * SQL describes the schema.
     */
    private boolean showSql;

    public boolean isShowSql() {
        return showSql;
    }

    public void setShowSql(boolean showSql) {
        this.showSql = showSql;
    }

}
