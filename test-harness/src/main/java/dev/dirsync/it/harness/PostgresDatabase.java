package dev.dirsync.it.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A throw-away PostgreSQL database created for one run of the suite and dropped after it. */
public final class PostgresDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates {@code dirsync_it_<random>} next to the database of {@code adminUrl}. */
    public static PostgresDatabase create(String adminUrl, String user, String password) throws SQLException {
        String name = "dirsync_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new PostgresDatabase(adminUrl, user, password, name);
    }

    /** Whether a PostgreSQL server answers at {@code adminUrl}. */
    public static String unreachableReason(String adminUrl, String user, String password) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** JDBC URL of this run's database. */
    public String url() {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
