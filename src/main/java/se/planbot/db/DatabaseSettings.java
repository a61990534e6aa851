package se.planbot.db;

import java.nio.file.Path;

/**
 * Where the database is: {@code db.url} ({@code jdbc:sqlite:} + {@code db.path} unless set),
 * and for PostgreSQL {@code db.username} and {@code db.password} (the password from the
 * environment only, {@code PLANBOT_DB_PASSWORD}).
 */
public record DatabaseSettings(String url, String username, String password) {

    public static DatabaseSettings sqlite(Path file) {
        return new DatabaseSettings("jdbc:sqlite:" + file, "", "");
    }

    public Dialect dialect() {
        return Dialect.ofUrl(url);
    }

    /** The SQLite file of a {@code jdbc:sqlite:} url (its query part, if any, left off). */
    Path sqliteFile() {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        return Path.of(query < 0 ? rest : rest.substring(0, query));
    }

    /** The url without a password someone may have put in it: for logs and /health. */
    public String safeUrl() {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + ", user " + username + "]";
    }
}
