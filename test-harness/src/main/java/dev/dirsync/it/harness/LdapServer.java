package dev.dirsync.it.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.Map;
import java.util.stream.Stream;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/**
 * A throw-away OpenLDAP server (Debian's {@code slapd}, MDB backend) on a free loopback port, for tests of Keycloak's
 * LDAP user federation. Its tree is {@value #BASE_DN} with users under {@value #PEOPLE_DN}; the root account is
 * {@value #ADMIN_DN}. Stopped and deleted by {@link #close()}.
 */
public final class LdapServer implements AutoCloseable {

    public static final String BASE_DN = "dc=example,dc=org";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SCHEMA = Path.of("/etc/ldap/schema");

    private final Path dir;
    private final int port;
    private final String adminPassword;
    private final Process process;

    private LdapServer(Path dir, int port, String adminPassword, Process process) {
        this.dir = dir;
        this.port = port;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /** Starts slapd and creates the base and people entries; fails loudly when slapd is not installed. */
    public static LdapServer start() {
        if (!Files.isExecutable(SLAPD)) {
            throw new IllegalStateException("LDAP tests need Debian's slapd (apt-get install slapd); .ci/run installs it");
        }
        try {
            Path dir = Files.createTempDirectory("dirsync-slapd-");
            Files.createDirectories(dir.resolve("data"));
            int port = freePort();
            String password = KeycloakServer.randomSecret();
            Files.writeString(dir.resolve("slapd.conf"), config(dir, password));
            Process process = new ProcessBuilder(SLAPD.toString(), "-f", dir.resolve("slapd.conf").toString(),
                    "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
            LdapServer started = new LdapServer(dir, port, password, process);
            started.awaitListening();
            started.seed();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start slapd", e);
        }
    }

    private static String config(Path dir, String adminPassword) {
        StringBuilder conf = new StringBuilder();
        for (String schema : new String[] {"core", "cosine", "nis", "inetorgperson"}) {
            conf.append("include ").append(SCHEMA.resolve(schema + ".schema")).append('\n');
        }
        conf.append("modulepath /usr/lib/ldap\nmoduleload back_mdb\n")
                .append("pidfile ").append(dir.resolve("slapd.pid")).append('\n')
                .append("database mdb\nmaxsize 104857600\n")
                .append("suffix \"").append(BASE_DN).append("\"\n")
                .append("rootdn \"").append(ADMIN_DN).append("\"\n")
                .append("rootpw ").append(adminPassword).append('\n')
                .append("directory ").append(dir.resolve("data")).append('\n');
        return conf.toString();
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("slapd did not listen within 20 s: " + log());
    }

    private void seed() {
        BasicAttributes base = new BasicAttributes(true);
        base.put(objectClasses("dcObject", "organization"));
        base.put("dc", "example");
        base.put("o", "Example");
        add(BASE_DN, base);
        BasicAttributes people = new BasicAttributes(true);
        people.put(objectClasses("organizationalUnit"));
        people.put("ou", "people");
        add(PEOPLE_DN, people);
    }

    /** Adds an {@code inetOrgPerson} {@code uid=<uid>} under {@value #PEOPLE_DN}. */
    public void addPerson(String uid, String givenName, String surname, String mail) {
        BasicAttributes person = new BasicAttributes(true);
        person.put(objectClasses("inetOrgPerson", "organizationalPerson", "person"));
        person.put("uid", uid);
        person.put("cn", givenName + " " + surname);
        person.put("givenName", givenName);
        person.put("sn", surname);
        person.put("mail", mail);
        add("uid=" + uid + "," + PEOPLE_DN, person);
    }

    /** Replaces attributes of {@code uid=<uid>} the way another directory administrator would. */
    public void replace(String uid, Map<String, String> values) {
        ModificationItem[] items = values.entrySet().stream()
                .map(e -> new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(e.getKey(), e.getValue())))
                .toArray(ModificationItem[]::new);
        withContext(ctx -> ctx.modifyAttributes("uid=" + uid + "," + PEOPLE_DN, items));
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public String adminPassword() {
        return adminPassword;
    }

    private void add(String dn, BasicAttributes attributes) {
        withContext(ctx -> ctx.createSubcontext(dn, attributes).close());
    }

    private static Attribute objectClasses(String... classes) {
        BasicAttribute attribute = new BasicAttribute("objectClass");
        for (String c : classes) {
            attribute.add(c);
        }
        return attribute;
    }

    private interface LdapAction {
        void run(DirContext context) throws NamingException;
    }

    private void withContext(LdapAction action) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url());
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, ADMIN_DN);
        env.put(Context.SECURITY_CREDENTIALS, adminPassword);
        try {
            DirContext context = new InitialDirContext(env);
            try {
                action.run(context);
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("LDAP operation failed: " + e.getMessage(), e);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("slapd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
