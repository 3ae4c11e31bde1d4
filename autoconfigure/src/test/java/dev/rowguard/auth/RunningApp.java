package dev.rowguard.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The test application running on a random port, with a plain HTTP client. */
final class RunningApp implements AutoCloseable {

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper json = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;

    private final String baseUrl;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningApp start(Map<String, String> properties, Class<?>... sources) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        List<String> lines = new ArrayList<>();
        all.forEach((key, value) -> lines.add(key + "=" + value));
        Class<?>[] classes = sources.length == 0 ? new Class<?>[] { IdentityTestApplication.class } : sources;
        return new RunningApp(new SpringApplicationBuilder(classes).properties(lines.toArray(String[]::new)).run());
    }

    HttpResponse<String> get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    HttpResponse<String> me(String bearerToken) {
        return get("/me", bearerToken);
    }

    static JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    int controllerHits() {
        return context.getBean(IdentityTestApplication.ControllerHits.class).count();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

}
