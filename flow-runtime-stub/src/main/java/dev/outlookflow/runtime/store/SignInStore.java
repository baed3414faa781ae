package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
      Map<String, String> pending, long expiresAt) {}

  /** A sign-in whose link is not opened yet: {@code ticketHash} finds it when the link is opened. */
  public Future<Void> announce(String state, String connectionId, String ticketHash, long expiresAt, long now) {
    return db.write(sql -> {
      purge(sql, now);
      return Rows.update(sql, "INSERT INTO sign_ins (state, connection_id, kind, ticket_hash, pending, expires_at) "
          + "VALUES (?, ?, ?, ?, '{}', ?)", state, connectionId, Kind.SIGN_IN.value, ticketHash, expiresAt);
    }).mapEmpty();
  }

  /**
   * An approval bound to a browser from its start (opened from the admin-consent link, without a key),
   * unless {@code max} approvals are under way already: answers whether it was kept.
   */
  public Future<Boolean> openApproval(String state, String connectionId, String browserHash, Map<String, String> pending,
      long expiresAt, long now, int max) {
    return db.write(sql -> {
      purge(sql, now);
      int underWay = Rows.one(sql, "SELECT COUNT(*) FROM sign_ins WHERE kind = ?", row -> row.getInt(1),
          Kind.ADMIN_CONSENT.value).orElse(0);
      if (underWay >= max) {
        return false;
      }
      Rows.update(sql, "INSERT INTO sign_ins (state, connection_id, kind, browser_hash, pending, expires_at) "
          + "VALUES (?, ?, ?, ?, ?, ?)", state, connectionId, Kind.ADMIN_CONSENT.value, browserHash, encode(pending),
          expiresAt);
      return true;
    });
  }

  /**
   * Binds the sign-in whose link carries this ticket to the browser opening it, once, and gives it until
   * {@code expiresAt} to complete: answers it, or empty when no unexpired sign-in has this ticket (never
   * issued, expired, or already opened).
   */
  public Future<Optional<PendingSignIn>> claim(String ticketHash, String browserHash, long now, long expiresAt) {
    return db.write(sql -> {
      Optional<String> state = Rows.one(sql, "SELECT state FROM sign_ins WHERE ticket_hash = ? AND expires_at >= ?",
          row -> row.getString(1), ticketHash, now);
      boolean claimed = state.isPresent() && Rows.update(sql, "UPDATE sign_ins SET ticket_hash = NULL, "
          + "browser_hash = ?, expires_at = ? WHERE state = ? AND ticket_hash = ?", browserHash, expiresAt,
          state.get(), ticketHash) == 1;
      if (!claimed) {
        return Optional.<PendingSignIn>empty();
      }
      return find(sql, state.get(), now);
    });
  }

  /** Keeps what the extension needs back when the browser returns. */
  public Future<Void> keep(String state, Map<String, String> pending) {
    return db.update("UPDATE sign_ins SET pending = ? WHERE state = ?", encode(pending), state).mapEmpty();
  }

  /** The unexpired sign-in under this state, left in place. */
  public Future<Optional<PendingSignIn>> find(String state, long now) {
    return db.read(sql -> find(sql, state, now));
  }

  /** Ends the sign-in, answering whether this call did (a state completes once). */
  public Future<Boolean> take(String state, long now) {
    return db.write(sql -> {
      purge(sql, now);
      return Rows.update(sql, "DELETE FROM sign_ins WHERE state = ?", state) == 1;
    });
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

  /** Sign-ins past their time are of no use: they go whenever one is begun or ended. */
  private static void purge(Connection sql, long now) throws SQLException {
    Rows.update(sql, "DELETE FROM sign_ins WHERE expires_at < ?", now);
  }

  private static Optional<PendingSignIn> find(Connection sql, String state, long now) throws SQLException {
    return Rows.one(sql, "SELECT s.state, s.connection_id, c.workspace_id, s.kind, s.browser_hash, s.pending, "
            + "s.expires_at FROM sign_ins s JOIN connections c ON c.id = s.connection_id "
            + "WHERE s.state = ? AND s.expires_at >= ?",
        row -> new PendingSignIn(row.getString(1), row.getString(2), row.getString(3), Kind.of(row.getString(4)),
            row.getString(5), decode(row.getString(6)), row.getLong(7)),
        state, now);
  }

  private static String encode(Map<String, String> pending) {
    return new JsonObject(new LinkedHashMap<>(pending)).encode();
  }

  private static Map<String, String> decode(String pending) {
    Map<String, String> decoded = new LinkedHashMap<>();
    new JsonObject(pending).forEach(entry -> decoded.put(entry.getKey(), String.valueOf(entry.getValue())));
    return decoded;
  }
}
