package dev.rowguard.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import dev.rowguard.sampledev.DevSampleApplication;

/**
 * Section 4 of the benchmark: the sample's todo list endpoint over HTTP on loopback,
 * RS256 tokens of 64 users verified and the policies applied, against the same page
 * served without security and policies by the expert's query. Each server runs in its own
 * JVM; this JVM is the load client. Time slots alternate between the two servers (after a
 * warm-up slot each), so both see the same machine.
 */
final class EndToEnd {

    static final int USERS = 64;
    static final String PAGE = "page=0&size=50&sort=id";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final TodoBenchmark.Db db;

    private final Consumer<String> report;

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    EndToEnd(TodoBenchmark.Db db, Consumer<String> report) {
        this.db = db;
        this.report = report;
    }

    /** What one slot measured. */
    record Slot(long requests, double seconds, long[] latencies) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMs(double percent) {
            int index = (int) Math.ceil(percent / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    /**
     * A server under load: how to start it, and how to ask it for a user's page once
     * started.
     */
    private record Server(String name, String label, String mainClass, List<String> arguments, Tokens tokens) {
    }

    /** Where a server's callers get their tokens. */
    private enum Tokens {

        /** None: the caller is named in the request. */
        NONE,
        /** The server's own dev issuer ({@code GET /dev/token}). */
        OWN,
        /** The first server's dev issuer, whose JWKS this server is pointed at. */
        FIRST_SERVERS

    }

    void run() throws Exception {
        int concurrency = Integer.getInteger("bench.e2e.concurrency", 16);
        int seconds = Integer.getInteger("bench.e2e.seconds", 20);
        // The sample twice: with the starter's default (hide-row) and with
        // hidden-references unchecked, which
        // enforces the todo rule alone; the difference is what the default's semantics
        // cost over HTTP. The last
        // server is the unsecured one every other is compared with; before it, the same
        // application secured by hand (what a user writes without Rowguard).
        List<Server> servers = List.of(
                new Server("e2e-enforced", "the sample, Rowguard on (token verified, policies; default hide-row)",
                        DevSampleApplication.class.getName(), List.of(), Tokens.OWN),
                new Server("e2e-unchecked",
                        "the sample, Rowguard on, `hidden-references: unchecked` (the todo rule alone)",
                        DevSampleApplication.class.getName(), List.of("--rowguard.policy.hidden-references=unchecked"),
                        Tokens.OWN),
                new Server("e2e-hand-secured",
                        "secured by hand: Spring Security's resource server (the same tokens and JWKS), the expert's"
                                + " query with the token's subject, no Rowguard",
                        HandSecuredServer.class.getName(), List.of("--rowguard.policy.enabled=false"),
                        Tokens.FIRST_SERVERS),
                new Server("e2e-plain", "security and policies off, the expert's query by hand",
                        PlainServer.class.getName(), List.of("--rowguard.policy.enabled=false"), Tokens.NONE));
        List<Process> processes = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            String firstIssuer = null;
            for (Server server : servers) {
                int port = freePort();
                ports.add(port);
                List<String> arguments = new ArrayList<>(server.arguments());
                if (server.tokens() == Tokens.FIRST_SERVERS) {
                    awaitStarted(ports.get(0), processes.get(0), servers.get(0).name());
                    firstIssuer = issuerOf(
                            get(URI.create("http://127.0.0.1:" + ports.get(0) + "/dev/token?sub=1")).body().trim());
                    arguments.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + firstIssuer);
                    arguments.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + firstIssuer
                            + "/.well-known/jwks.json");
                }
                processes.add(start(server.name(), server.mainClass(), port, arguments.toArray(String[]::new)));
            }
            List<IntFunction<HttpRequest>> requests = new ArrayList<>();
            for (int s = 0; s < servers.size(); s++) {
                awaitStarted(ports.get(s), processes.get(s), servers.get(s).name());
                requests.add(requests(servers.get(s), ports.get(s), ports.get(0)));
            }
            IntFunction<HttpRequest> plain = requests.get(servers.size() - 1);
            for (int s = 0; s < servers.size() - 1; s++) {
                checkSameAnswers(requests.get(s), plain);
            }
            for (IntFunction<HttpRequest> request : requests) {
                load(request, concurrency, Math.max(5, seconds / 2));
            }
            List<List<Slot>> slots = new ArrayList<>();
            requests.forEach(request -> slots.add(new ArrayList<>()));
            for (int round = 0; round < 2; round++) {
                for (int s = 0; s < requests.size(); s++) {
                    slots.get(s).add(load(requests.get(s), concurrency, seconds));
                }
            }
            write(concurrency, seconds, servers, slots.stream().map(EndToEnd::merge).toList());
        }
        finally {
            for (Process process : processes) {
                process.destroy();
            }
            for (Process process : processes) {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /**
     * The i-th request to a server: the page of user i % 64 + 1, with that user's token
     * where the server checks one.
     */
    private IntFunction<HttpRequest> requests(Server server, int port, int firstPort)
            throws IOException, InterruptedException {
        if (server.tokens() == Tokens.NONE) {
            return i -> HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/bench/todos?me=" + (i % USERS + 1) + "&" + PAGE))
                .timeout(REQUEST_TIMEOUT)
                .build();
        }
        // each dev-mode server trusts only its own local issuer; the hand-secured one the
        // first server's
        int issuing = server.tokens() == Tokens.OWN ? port : firstPort;
        String[] tokens = new String[USERS];
        for (int user = 1; user <= USERS; user++) {
            tokens[user - 1] = get(URI.create("http://127.0.0.1:" + issuing + "/dev/token?sub=" + user)).body().trim();
        }
        return i -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/todos?" + PAGE))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + tokens[i % USERS])
            .build();
    }

    /** The {@code iss} claim of a JWT (read, not verified: the server verifies it). */
    private static String issuerOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher issuer = java.util.regex.Pattern.compile("\"iss\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(payload);
        if (!issuer.find()) {
            throw new IllegalStateException("a dev token without iss: " + payload);
        }
        return issuer.group(1).replace("\\/", "/");
    }

    private void checkSameAnswers(IntFunction<HttpRequest> enforced, IntFunction<HttpRequest> plain)
            throws IOException, InterruptedException {
        for (int i = 0; i < USERS; i++) {
            HttpResponse<String> a = client.send(enforced.apply(i), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> b = client.send(plain.apply(i), HttpResponse.BodyHandlers.ofString());
            if (a.statusCode() != 200 || b.statusCode() != 200 || !a.body().equals(b.body())) {
                throw new IllegalStateException(
                        "user " + (i + 1) + ": the servers answer differently: " + a.statusCode() + " "
                                + abbreviate(a.body()) + " vs " + b.statusCode() + " " + abbreviate(b.body()));
            }
        }
        if (!client.send(enforced.apply(0), HttpResponse.BodyHandlers.ofString())
            .body()
            .contains("\"totalElements\":" + TodoBenchmark.EXPECTED_TOTAL)) {
            throw new IllegalStateException("user 1 should see " + TodoBenchmark.EXPECTED_TOTAL + " todos");
        }
    }

    private Slot load(IntFunction<HttpRequest> request, int concurrency, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong next = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[][] mine = { new long[4096] };
            int[] count = { 0 };
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline && failure[0] == null) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = send(request.apply((int) next.getAndIncrement()));
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode());
                        }
                    }
                    catch (IOException | InterruptedException | RuntimeException ex) {
                        failure[0] = new IllegalStateException("a request failed under load", ex);
                        return;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - start;
                }
                synchronized (perThread) {
                    perThread.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Slot(all.length, elapsed, all);
    }

    /**
     * Sends a GET, once more if the connection it was given had been closed by the server
     * (a pooled keep-alive connection of a server that sat idle while the others were
     * measured), as a browser does.
     */
    private HttpResponse<Void> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException closedByServer) {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    private static Slot merge(List<Slot> slots) {
        long[] all = slots.stream().flatMapToLong(slot -> Arrays.stream(slot.latencies())).sorted().toArray();
        return new Slot(slots.stream().mapToLong(Slot::requests).sum(), slots.stream().mapToDouble(Slot::seconds).sum(),
                all);
    }

    private void write(int concurrency, int seconds, List<Server> servers, List<Slot> slots) {
        report.accept("");
        report.accept("## 4. End to end: GET /api/todos (page of 50 by id and its total) over HTTP, 64 users");
        report.accept("");
        report.accept(servers.size()
                + " servers in their own JVMs (`-Xmx1g`) on the benchmark's database, this JVM the load client on"
                + " loopback: " + concurrency + " client threads, each request with the next of 64 users' RS256 tokens"
                + " (each dev-mode server's local issuer, verified through its JWKS), slots of " + seconds
                + " s rotating"
                + " between the servers after a warm-up slot each; two measured slots per server. Checked first: every"
                + " server gives the same JSON to each of the 64 users.");
        report.accept("");
        report.accept("| server | requests/s | p50 ms | p99 ms | requests |");
        report.accept("|---|---:|---:|---:|---:|");
        for (int s = 0; s < servers.size(); s++) {
            row(servers.get(s).label(), slots.get(s));
        }
        report.accept("");
        Slot plain = slots.get(slots.size() - 1);
        for (int s = 0; s < servers.size() - 1; s++) {
            Slot enforced = slots.get(s);
            report
                .accept(String.format(Locale.ROOT,
                        "- %s: throughput / off **%.2f** (goal at or above 0.9); latency / off:"
                                + " p50 %.2f, p99 %.2f",
                        servers.get(s).name(), enforced.perSecond() / plain.perSecond(),
                        enforced.percentileMs(50) / plain.percentileMs(50),
                        enforced.percentileMs(99) / plain.percentileMs(99)));
        }
        Slot hand = slots.get(slots.size() - 2);
        for (int s = 0; s < servers.size() - 2; s++) {
            Slot enforced = slots.get(s);
            report.accept(String.format(Locale.ROOT,
                    "- %s: throughput / secured by hand **%.2f** (goal at or above %s); latency / by hand:"
                            + " p50 %.2f, p99 %.2f",
                    servers.get(s).name(), enforced.perSecond() / hand.perSecond(), s == 0 ? "0.9" : "0.95",
                    enforced.percentileMs(50) / hand.percentileMs(50),
                    enforced.percentileMs(99) / hand.percentileMs(99)));
        }
    }

    private void row(String name, Slot slot) {
        report.accept(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |", name, slot.perSecond(),
                slot.percentileMs(50), slot.percentileMs(99), slot.requests()));
    }

    private Process start(String name, String mainClass, int port, String... extra) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx1g", "-cp",
                        System.getProperty("java.class.path"), mainClass, "--server.port=" + port,
                        "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(), "--spring.flyway.enabled=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.dev.rowguard=WARN", "--spring.jmx.enabled=false"));
        command.addAll(List.of(extra));
        String jvmArguments = System.getProperty("bench.e2e.jvm-args", "").strip();
        if (!jvmArguments.isEmpty()) {
            // e.g. a profiler agent: JVM options go before the main class; {server} is
            // the server's name (a recording file of its own)
            command.addAll(1, List.of(jvmArguments.replace("{server}", name).split("\\s+")));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
    }

    private static Path log(String name) {
        return Path.of("target", name + ".log").toAbsolutePath();
    }

    private void awaitStarted(int port, Process process, String name) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()
                    || java.nio.file.Files.readString(log(name)).contains("APPLICATION FAILED TO START")) {
                throw new IllegalStateException("a server did not start, see " + log(name));
            }
            try {
                get(URI.create("http://127.0.0.1:" + port + "/"));
                return;
            }
            catch (IOException ex) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("a server did not start within 3 minutes, see " + log(name));
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

}
