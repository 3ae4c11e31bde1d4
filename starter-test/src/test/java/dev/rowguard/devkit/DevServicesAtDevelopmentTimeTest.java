package dev.rowguard.devkit;

import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import dev.rowguard.auth.internal.RowguardAuthenticationManagerResolver;
import dev.rowguard.devkit.app.DevkitTestApplication;
import dev.rowguard.devkit.internal.DevDatabase;
import dev.rowguard.devkit.internal.DevPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code SpringApplication.from(App::main).with(RowguardDevServices.class)}, as a user's
 * {@code TestApplication} runs it with {@code spring-boot:test-run}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevServicesAtDevelopmentTimeTest {

    @Test
    void theApplicationStartsWithADatabaseAndATrustedIssuerAndSaysSoInOneWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run()) {
            LocalTokenIssuer tokens = context.getBean(LocalTokenIssuer.class);
            assertThat(http(context).get("/me", tokens.token("alice")).body()).contains("\"id\":\"alice\"");
            assertThat(context.getBeansOfType(DevDatabase.class)).hasSize(1);
            assertThat(output.getOut().split("Rowguard dev services are on", -1)).hasSize(2);
            assertThat(output.getOut()).contains("local token issuer playing Clerk at " + tokens.issuer())
                .contains("never run them in production")
                .doesNotContain("tokens are not trusted")
                .doesNotContain("no identity provider is configured");
        }
    }

    @Test
    void anExplicitDatasourceUrlWinsOverTheDevDatabase(CapturedOutput output) {
        DevDatabase own = DevPostgres.server().createDatabase();
        try (ConfigurableApplicationContext context = run("--spring.datasource.url=" + own.jdbcUrl(),
                "--spring.datasource.username=" + own.username(), "--spring.datasource.password=" + own.password())) {
            assertThat(context.getBeansOfType(DevDatabase.class)).isEmpty();
            String database = new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("SELECT current_database()", String.class);
            assertThat(own.jdbcUrl()).contains("/" + database);
            assertThat(output.getOut()).contains("Rowguard dev services are on: the configured spring.datasource.url");
        }
    }

    @Test
    void theLocalIssuerPlaysTheApplicationsOwnProviderAndIsTrustedBesideIt() {
        try (ConfigurableApplicationContext context = run("--rowguard.supabase.url=https://abcd.supabase.co")) {
            LocalTokenIssuer tokens = context.getBean(LocalTokenIssuer.class);
            String token = tokens.token("alice");
            assertThat(tokens.issuer()).endsWith("/auth/v1");
            assertThat(Http.payload(token)).contains("\"aud\":\"authenticated\"")
                .contains("\"role\":\"authenticated\"");
            assertThat(http(context).get("/me", token).body()).contains("\"id\":\"alice\"");
            assertThat(context.getBean(RowguardAuthenticationManagerResolver.class).trustedIssuers())
                .containsKeys("https://abcd.supabase.co/auth/v1", tokens.issuer());
        }
    }

    @Test
    void theProviderCanBeNamed() {
        try (ConfigurableApplicationContext context = run("--rowguard.devkit.provider=oidc",
                "--rowguard.clerk.issuer=https://example.clerk.accounts.dev",
                "--rowguard.oidc.issuer=https://login.example.com", "--rowguard.oidc.audiences=notes-api")) {
            LocalTokenIssuer tokens = context.getBean(LocalTokenIssuer.class);
            String token = tokens.token("alice");
            assertThat(Http.payload(token)).contains("\"aud\":\"notes-api\"").doesNotContain("azp");
            HttpResponse<String> me = http(context).get("/me", token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"id\":\"alice\"");
            String otherAudience = tokens.token(Map.of("sub", "alice", "aud", "another-api"));
            assertThat(http(context).get("/me", otherAudience).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anUnknownProviderNameStopsStartUpNamingTheProperty() {
        assertThatException().isThrownBy(() -> run("--rowguard.devkit.provider=auth0").close())
            .havingRootCause()
            .withMessageContaining("rowguard.devkit.provider")
            .withMessageContaining("clerk, supabase, oidc");
    }

    @Test
    void anApplicationSigningInItsOwnWayIsToldTheLocalTokensAreNotTrusted(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.com")) {
            assertThat(output.getOut()).contains("the local issuer's tokens are not trusted");
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return SpringApplication.from(DevkitTestApplication::main)
            .with(RowguardDevServices.class)
            .run(all)
            .getApplicationContext();
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

}
