package se.planbot.oidc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** SQL of {@code oidc_logins}: authorization requests waiting for their callback. */
final class PendingLogins {

    record Pending(String browserHash, String codeVerifier, String nonce, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[until " + expiresAt + "]";
        }
    }

    void insert(Connection connection, String stateHash, String browserHash, String codeVerifier, String nonce,
            Instant now, Instant expiresAt) throws SQLException {
        Jdbc.update(connection, "delete from oidc_logins where expires_at <= ?", now.toEpochMilli());
        Jdbc.update(connection, """
                insert into oidc_logins (state_hash, browser_hash, code_verifier, nonce, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""", stateHash, browserHash, codeVerifier, nonce, now.toEpochMilli(),
                expiresAt.toEpochMilli());
    }

    /** The request of this state, removed so that it cannot be used again; empty when unknown. */
    Optional<Pending> take(Connection connection, String stateHash) throws SQLException {
        Optional<Pending> pending = Jdbc.one(connection,
                "select browser_hash, code_verifier, nonce, expires_at from oidc_logins where state_hash = ?",
                row -> new Pending(row.getString("browser_hash"), row.getString("code_verifier"), row.getString("nonce"),
                        Instant.ofEpochMilli(row.getLong("expires_at"))), stateHash);
        if (pending.isPresent()) {
            Jdbc.update(connection, "delete from oidc_logins where state_hash = ?", stateHash);
        }
        return pending;
    }
}
