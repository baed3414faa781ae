package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Interactive sign-ins and administrators' approvals under way, each under its one-time {@code state}.
 * A sign-in's link carries a ticket, kept as a hash until a browser opens it; the browser that opened it
 * is then known by the hash of the cookie it was given.
 */
public final class SignInStore {
  private final Database db;

  public SignInStore(Database db) {
    this.db = db;
  }

  /** What kind of sign-in a state belongs to. */
  public enum Kind {
    SIGN_IN("sign_in"),
    ADMIN_CONSENT("admin_consent");

    private final String value;

    Kind(String value) {
      this.value = value;
    }

    static Kind of(String value) {
      return value.equals(ADMIN_CONSENT.value) ? ADMIN_CONSENT : SIGN_IN;
    }
  }

  /** A sign-in under way: whose it is, which browser it is bound to (null until opened), what the extension kept. */
  public record PendingSignIn(String state, String connectionId, String workspaceId, Kind kind, String browserHash,
      JsonObject pending, long expiresAt) {}

  /** A sign-in whose link is not opened yet: {@code ticketHash} finds it when the link is opened. */
  public Future<Void> announce(String state, String connectionId, String ticketHash, long expiresAt) {
    return db.update("INSERT INTO sign_ins (state, connection_id, kind, ticket_hash, pending, expires_at) "
        + "VALUES (?, ?, ?, ?, '{}', ?)", state, connectionId, Kind.SIGN_IN.value, ticketHash, expiresAt).mapEmpty();
  }

  /** A sign-in bound to a browser from its start, such as an approval opened from the admin-consent link. */
  public Future<Void> open(String state, String connectionId, Kind kind, String browserHash, JsonObject pending,
      long expiresAt) {
    return db.update("INSERT INTO sign_ins (state, connection_id, kind, browser_hash, pending, expires_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", state, connectionId, kind.value, browserHash, pending.encode(), expiresAt)
        .mapEmpty();
  }

  /**
   * Binds the sign-in whose link carries this ticket to the browser opening it, once: answers it, or
   * empty when no unexpired sign-in has this ticket (never issued, expired, or already opened).
   */
  public Future<Optional<PendingSignIn>> claim(String ticketHash, String browserHash, long now) {
    return db.write(sql -> {
      Optional<String> state = Rows.one(sql, "SELECT state FROM sign_ins WHERE ticket_hash = ? AND expires_at >= ?",
          row -> row.getString(1), ticketHash, now);
      if (state.isEmpty() || Rows.update(sql, "UPDATE sign_ins SET ticket_hash = NULL, browser_hash = ? "
          + "WHERE state = ? AND ticket_hash = ?", browserHash, state.get(), ticketHash) != 1) {
        return Optional.<PendingSignIn>empty();
      }
      return find(sql, state.get(), now);
    });
  }

  /** Keeps what the extension needs back when the browser returns. */
  public Future<Void> keep(String state, JsonObject pending) {
    return db.update("UPDATE sign_ins SET pending = ? WHERE state = ?", pending.encode(), state).mapEmpty();
  }

  /** The unexpired sign-in under this state, left in place. */
  public Future<Optional<PendingSignIn>> find(String state, long now) {
    return db.read(sql -> find(sql, state, now));
  }

  /** Ends the sign-in, answering whether this call did (a state completes once); expired ones go too. */
  public Future<Boolean> take(String state, long now) {
    return db.write(sql -> {
      boolean taken = Rows.update(sql, "DELETE FROM sign_ins WHERE state = ?", state) == 1;
      Rows.update(sql, "DELETE FROM sign_ins WHERE expires_at < ?", now);
      return taken;
    });
  }

  /** How many unexpired sign-ins of this kind the connection has under way. */
  public Future<Integer> underWay(String connectionId, Kind kind, long now) {
    return db.read(sql -> Rows.one(sql, "SELECT COUNT(*) FROM sign_ins WHERE connection_id = ? AND kind = ? "
        + "AND expires_at >= ?", row -> row.getInt(1), connectionId, kind.value, now).orElse(0));
  }

  /** For each connection of the workspace with a sign-in under way, when the latest of them expires. */
  public Future<Map<String, Long>> signInsUnderWay(String workspaceId, long now) {
    return db.read(sql -> {
      Map<String, Long> expiries = new HashMap<>();
      Rows.list(sql, "SELECT s.connection_id, MAX(s.expires_at) FROM sign_ins s JOIN connections c "
          + "ON c.id = s.connection_id WHERE c.workspace_id = ? AND s.kind = ? AND s.expires_at >= ? "
          + "GROUP BY s.connection_id", row -> expiries.put(row.getString(1), row.getLong(2)),
          workspaceId, Kind.SIGN_IN.value, now);
      return expiries;
    });
  }

  private static Optional<PendingSignIn> find(java.sql.Connection sql, String state, long now)
      throws java.sql.SQLException {
    return Rows.one(sql, "SELECT s.state, s.connection_id, c.workspace_id, s.kind, s.browser_hash, s.pending, "
            + "s.expires_at FROM sign_ins s JOIN connections c ON c.id = s.connection_id "
            + "WHERE s.state = ? AND s.expires_at >= ?",
        row -> new PendingSignIn(row.getString(1), row.getString(2), row.getString(3), Kind.of(row.getString(4)),
            row.getString(5), new JsonObject(row.getString(6)), row.getLong(7)),
        state, now);
  }
}
