package dev.dirsync.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.dirsync.it.harness.HttpResult;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.Test;

/**
 * Speed of our SCIM endpoint as ratios against baselines measured in the same run on the same server (Keycloak on
 * PostgreSQL): Keycloak's Admin REST API, Keycloak's own SCIM ({@code --features=scim-api}), and a 1,000-user realm
 * against a 50,000-user realm. Realms are seeded with SQL so the run stays short. Prints a Markdown table and writes
 * it to {@code benchmark/target/benchmark-results.md}.
 *
 * <p>Run with {@code mvn -Pbenchmark -pl benchmark -am verify}. It asserts correctness (every lookup finds its
 * user), never timings: the goals are read off the table.
 */
@KeycloakIT
class ScimBenchmark {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final int SMALL = 1_000;
    private static final int LARGE = 50_000;
    private static final int CREATES = 300;
    private static final int LOOKUPS = 60;
    private static final int PAGES = 30;
    private static final int BULK = 1_000;

    private final KeycloakServer server;
    private final List<String[]> rows = new ArrayList<>();

    ScimBenchmark(KeycloakServer server) {
        this.server = server;
    }

    @Test
    void run() throws Exception {
        Bench small = seed("bench-small", SMALL);
        Bench large = seed("bench-large", LARGE);

        // --- creates: ours vs Admin REST vs Keycloak's SCIM -----------------------------------------------------
        warmUp(large);
        // Interleaved, so that no side runs on a colder JVM or database than another.
        double[] creates = throughputs(CREATES,
                i -> created(large.scim.post("/Users", user("ours-" + i))),
                i -> created(large.realm.admin().post(large.realm.path("users"), Map.of("username", "admin-" + i,
                        "email", "admin-" + i + "@bench.example", "firstName", "A", "lastName", "B", "enabled", true))),
                i -> created(large.builtin.post("/Users", user("builtin-" + i))),
                i -> created(large.scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "min-" + i,
                        "name", Map.of("givenName", "G", "familyName", "F"),
                        "emails", List.of(Map.of("value", "min-" + i + "@bench.example", "primary", true))))));
        double ours = creates[0];
        double admin = creates[1];
        double builtin = creates[2];
        double oursMinimal = creates[3];
        row("Create users (sequential)", String.format(Locale.ROOT, "%.0f/s", ours),
                String.format(Locale.ROOT, "Admin REST %.0f/s", admin), ratio(ours / admin), "≥ 0.9");
        row("Create users without externalId (sequential)", String.format(Locale.ROOT, "%.0f/s", oursMinimal),
                String.format(Locale.ROOT, "Admin REST %.0f/s", admin), ratio(oursMinimal / admin), "(informational)");
        row("Keycloak SCIM create vs Admin REST", String.format(Locale.ROOT, "%.0f/s", builtin),
                String.format(Locale.ROOT, "Admin REST %.0f/s", admin), ratio(builtin / admin), "(≈ 0.5)");

        // --- lookups at 50k vs 1k ------------------------------------------------------------------------------
        double[] names = medians(LOOKUPS, i -> one(small.scim, "userName eq \"user-" + pad(1 + i * 13 % SMALL) + "\""),
                i -> one(large.scim, "userName eq \"user-" + pad(1 + i * 811 % LARGE) + "\""));
        double smallName = names[0];
        double largeName = names[1];
        row("userName eq, 50k ÷ 1k", ms(largeName), ms(smallName), ratio(largeName / smallName), "≤ 1.5");
        double[] exts = medians(LOOKUPS, i -> one(small.scim, "externalId eq \"ext-" + pad(1 + i * 13 % SMALL) + "\""),
                i -> one(large.scim, "externalId eq \"ext-" + pad(1 + i * 811 % LARGE) + "\""));
        double smallExt = exts[0];
        double largeExt = exts[1];
        row("externalId eq, 50k ÷ 1k", ms(largeExt), ms(smallExt), ratio(largeExt / smallExt), "≤ 1.5");
        double builtinName = median(LOOKUPS, i -> one(large.builtin, "userName eq \"user-" + pad(1 + i * 811 % LARGE) + "\""));
        row("userName eq at 50k: Keycloak SCIM ÷ ours", ms(builtinName), ms(largeName), ratio(builtinName / largeName),
                "(higher is better)");

        // --- pages of 100 ----------------------------------------------------------------------------------------
        double[] pages = medians(PAGES, i -> page(small.scim, 1 + i * 29 % (SMALL - 100)),
                i -> page(large.scim, 1 + i * 1597 % (LARGE - 100)));
        double smallPage = pages[0];
        double largePage = pages[1];
        row("Page of 100 users, 50k ÷ 1k", ms(largePage), ms(smallPage), ratio(largePage / smallPage), "≤ 2");
        double[] counts = medians(PAGES, i -> get(small.scim, "/Users?count=0"), i -> get(large.scim, "/Users?count=0"));
        row("Count only (count=0), 50k ÷ 1k", ms(counts[1]), ms(counts[0]), ratio(counts[1] / counts[0]), "(informational)");
        double[] firstPages = medians(PAGES, i -> page(small.scim, 1), i -> page(large.scim, 1));
        row("First page of 100, 50k ÷ 1k", ms(firstPages[1]), ms(firstPages[0]), ratio(firstPages[1] / firstPages[0]),
                "(informational)");
        double builtinPage = median(PAGES / 3, i -> page(large.builtin, 1 + i * 1597 % (LARGE - 100)));
        row("Page of 100 at 50k: Keycloak SCIM ÷ ours", ms(builtinPage), ms(largePage), ratio(builtinPage / largePage),
                "≥ 5");

        // --- Bulk vs single POSTs --------------------------------------------------------------------------------
        long singles = elapsed(() -> {
            for (int i = 0; i < BULK; i++) {
                created(small.scim.post("/Users", user("single-" + i)));
            }
        });
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            ops.add(Map.of("method", "POST", "path", "/Users", "bulkId", "b" + i, "data", user("bulk-" + i)));
        }
        long[] bulkStatus = new long[1];
        long bulk = elapsed(() -> {
            HttpResult r = small.scim.post("/Bulk", Map.of("schemas",
                    List.of("urn:ietf:params:scim:api:messages:2.0:BulkRequest"), "Operations", ops));
            assertThat(r.status()).as(r.body().substring(0, Math.min(400, r.body().length()))).isEqualTo(200);
            r.json().path("Operations").forEach(op -> bulkStatus[0] += "201".equals(op.path("status").asText()) ? 1 : 0);
        });
        assertThat(bulkStatus[0]).isEqualTo(BULK);
        row("Bulk of 1,000 creates vs 1,000 POSTs (speed-up)", ms(bulk), ms(singles), ratio((double) singles / bulk),
                "≥ 1.5");

        // --- a group of 10,000 members ----------------------------------------------------------------------------
        String big = group(large, "big-group");
        String empty = group(large, "empty-group");
        addMembers(large, big, 10_000);
        double[] groupGets = medians(LOOKUPS, i -> get(large.scim, "/Groups/" + empty + "?excludedAttributes=members"),
                i -> get(large.scim, "/Groups/" + big + "?excludedAttributes=members"));
        double emptyGet = groupGets[0];
        double bigGet = groupGets[1];
        row("GET group excludedAttributes=members, 10k members ÷ empty", ms(bigGet), ms(emptyGet),
                ratio(bigGet / emptyGet), "≈ 1");
        double bigFull = median(5, i -> get(large.scim, "/Groups/" + big));
        row("GET group with its 10,000 members", ms(bigFull), "", "", "(informational)");

        print();
    }

    // --- setup -----------------------------------------------------------------------------------------------------

    private record Bench(TestRealm realm, ScimClient scim, ScimClient builtin) {
    }

    private Bench seed(String prefix, int users) throws Exception {
        TestRealm realm = TestRealm.create(server, prefix);
        // Long-lived tokens: one token serves the whole run, as an IdP's would serve a provisioning cycle.
        realm.admin().put(realm.path(""), Map.of("scimApiEnabled", true, "accessTokenLifespan", 7200));
        String realmId = realm.admin().get(realm.path("")).json().path("id").asText();
        try (Connection c = DriverManager.getConnection(server.database().url(), server.database().user(),
                server.database().password())) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO user_entity (id, email, email_constraint, "
                    + "email_verified, enabled, first_name, last_name, realm_id, username, created_timestamp, not_before) "
                    + "SELECT gen_random_uuid()::text, 'user-' || lpad(i::text, 6, '0') || '@bench.example', "
                    + "'user-' || lpad(i::text, 6, '0') || '@bench.example', true, true, 'First' || i, 'Last' || i, ?, "
                    + "'user-' || lpad(i::text, 6, '0'), ?, 0 FROM generate_series(1, ?) AS i")) {
                insert.setString(1, realmId);
                insert.setLong(2, System.currentTimeMillis());
                insert.setInt(3, users);
                insert.executeUpdate();
            }
            try (PreparedStatement ext = c.prepareStatement("INSERT INTO user_attribute (id, name, value, user_id) "
                    + "SELECT gen_random_uuid()::text, 'dirsync.externalId', 'ext-' || substring(username from 6), id "
                    + "FROM user_entity WHERE realm_id = ? AND username LIKE 'user-%'")) {
                ext.setString(1, realmId);
                ext.executeUpdate();
            }
            // What autovacuum does to a production database shortly after a bulk load.
            try (PreparedStatement vacuum = c.prepareStatement("VACUUM ANALYZE")) {
                vacuum.execute();
            }
        }
        // Keycloak's own SCIM only accepts tokens whose audience is its endpoint: give the client an audience mapper.
        String builtinUrl = server.baseUrl() + "/realms/" + realm.name() + "/scim/v2";
        String clientId = realm.admin().get(realm.path("clients?clientId=" + TestRealm.PROVISIONER)).json().get(0)
                .path("id").asText();
        HttpResult mapper = realm.admin().post(realm.path("clients/" + clientId + "/protocol-mappers/models"), Map.of(
                "name", "scim-audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", builtinUrl, "access.token.claim", "true",
                        "id.token.claim", "false")));
        assertThat(mapper.status()).as(mapper.toString()).isEqualTo(201);
        ScimClient scim = realm.scim();
        ScimClient builtin = new ScimClient(server, builtinUrl, scim.token());
        assertThat(scim.get("/Users?count=0").json().path("totalResults").asInt()).isEqualTo(users);
        return new Bench(realm, scim, builtin);
    }

    private void warmUp(Bench bench) {
        for (int i = 0; i < 200; i++) {
            created(bench.scim.post("/Users", user("warm-" + i)));
            created(bench.builtin.post("/Users", user("warm-builtin-" + i)));
            created(bench.realm.admin().post(bench.realm.path("users"), Map.of("username", "warm-admin-" + i, "enabled", true)));
            bench.scim.get("/Users?startIndex=1&count=100");
            one(bench.scim, "userName eq \"user-" + pad(1 + i) + "\"");
            one(bench.scim, "externalId eq \"ext-" + pad(1 + i) + "\"");
        }
    }

    private String group(Bench bench, String name) {
        HttpResult r = bench.scim.post("/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                "displayName", name));
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private void addMembers(Bench bench, String groupId, int count) throws Exception {
        String realmId = bench.realm.admin().get(bench.realm.path("")).json().path("id").asText();
        try (Connection c = DriverManager.getConnection(server.database().url(), server.database().user(),
                server.database().password());
             PreparedStatement insert = c.prepareStatement("INSERT INTO user_group_membership (group_id, user_id, "
                     + "membership_type) SELECT ?, id, 'UNMANAGED' FROM user_entity WHERE realm_id = ? "
                     + "AND username LIKE 'user-%' ORDER BY username LIMIT ?")) {
            insert.setString(1, groupId);
            insert.setString(2, realmId);
            insert.setInt(3, count);
            insert.executeUpdate();
        }
        assertThat(bench.scim.get("/Groups/" + groupId).json().path("members").size()).isEqualTo(count);
    }

    // --- measuring ---------------------------------------------------------------------------------------------

    private static Map<String, Object> user(String userName) {
        return Map.of("schemas", List.of(USER), "userName", userName, "name", Map.of("givenName", "G", "familyName", "F"),
                "emails", List.of(Map.of("value", userName + "@bench.example", "primary", true)),
                "externalId", "x-" + userName);
    }

    private static void created(HttpResult r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static void one(ScimClient scim, String filter) {
        HttpResult r = scim.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).as(filter).isEqualTo(1);
    }

    private static void page(ScimClient scim, int startIndex) {
        HttpResult r = scim.get("/Users?startIndex=" + startIndex + "&count=100");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("Resources").size()).isEqualTo(100);
    }

    private static void get(ScimClient scim, String path) {
        HttpResult r = scim.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** Operations per second of {@code n} calls of each of {@code calls}, run round-robin. */
    private static double[] throughputs(int n, IntConsumer... calls) {
        long[] nanos = new long[calls.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < calls.length; c++) {
                int k = i;
                IntConsumer call = calls[c];
                nanos[c] += elapsedNanos(() -> call.accept(k));
            }
        }
        double[] perSecond = new double[calls.length];
        for (int c = 0; c < calls.length; c++) {
            perSecond[c] = n / (nanos[c] / 1e9);
        }
        return perSecond;
    }

    /**
     * Median milliseconds of {@code n} calls of {@code a} and of {@code b}, interleaved after a warm-up of both, so
     * neither side pays the other's JIT warm-up or cache misses.
     */
    private static double[] medians(int n, IntConsumer a, IntConsumer b) {
        for (int i = 0; i < 20; i++) {
            a.accept(n + i);
            b.accept(n + i);
        }
        double[] first = new double[n];
        double[] second = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            first[i] = elapsedNanos(() -> a.accept(k)) / 1e6;
            second[i] = elapsedNanos(() -> b.accept(k)) / 1e6;
        }
        java.util.Arrays.sort(first);
        java.util.Arrays.sort(second);
        return new double[] {first[n / 2], second[n / 2]};
    }

    /** Median milliseconds of {@code n} calls. */
    private static double median(int n, IntConsumer call) {
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            samples[i] = elapsedNanos(() -> call.accept(k)) / 1e6;
        }
        java.util.Arrays.sort(samples);
        return samples[n / 2];
    }

    private static long elapsed(Runnable work) {
        return elapsedNanos(work) / 1_000_000;
    }

    private static long elapsedNanos(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static String pad(int i) {
        return String.format(Locale.ROOT, "%06d", i);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    private void row(String... cells) {
        rows.add(cells);
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| Measurement | Value | Baseline | Ratio | Goal |\n|---|---|---|---|---|\n");
        for (String[] r : rows) {
            table.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        String header = "Keycloak " + server.config().distVersion() + " on PostgreSQL, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + " (client); seeded " + SMALL + " and " + LARGE
                + " users.\n\n";
        System.out.println("\n" + header + table);
        String target = System.getProperty("dirsync.bench.results");
        if (target != null) {
            Files.writeString(Path.of(target), header + table);
        }
    }

}
