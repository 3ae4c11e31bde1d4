package dev.rowguard.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client against the app on its random port: what curl would do. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), bearer);
    }

    public HttpResponse<String> send(String method, String path, String jsonBody, String bearer) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body)
            .header("Content-Type", "application/json"), bearer);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
