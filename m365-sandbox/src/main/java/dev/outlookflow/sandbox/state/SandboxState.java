package dev.outlookflow.sandbox.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the sandbox learns after its seed: its signing key, consents, codes and refresh tokens
 * (by hash), session revocations, secret changes and its clock. With a state directory it is written
 * to {@code state.json} after each change, so a restarted sandbox honours what it issued.
 */
public final class SandboxState {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The durable part, as written to disk. */
  record Snapshot(
      String signingKey,
      long clockOffsetMillis,
      Map<String, Boolean> usersMayConsent,
      Map<String, Boolean> adminConsent,
      Map<String, Set<String>> userConsents,
      Map<String, String> secretChanges,
      Map<String, Grants.Refresh> refreshTokens,
      Map<String, Grants.Code> codes,
      Map<String, Long> sessionsRevokedAt) {}

  private final Path file;
  private final RSAKey signingKey;
  private long clockOffsetMillis;
  private final Map<String, Boolean> usersMayConsent;
  private final Map<String, Boolean> adminConsent;
  private final Map<String, Set<String>> userConsents;
  private final Map<String, String> secretChanges;
  private final Map<String, Grants.Refresh> refreshTokens;
  private final Map<String, Grants.Code> codes;
  private final Map<String, Long> sessionsRevokedAt;
  private final SandboxClock clock;
  private final TokenRequestLog tokenRequests;

  private SandboxState(Path file, Snapshot snapshot, Clock base) {
    this.file = file;
    try {
      this.signingKey = RSAKey.parse(snapshot.signingKey());
    } catch (ParseException e) {
      throw new IllegalStateException("the sandbox state's signing key is unreadable", e);
    }
    this.clockOffsetMillis = snapshot.clockOffsetMillis();
    this.usersMayConsent = new HashMap<>(snapshot.usersMayConsent());
    this.adminConsent = new HashMap<>(snapshot.adminConsent());
    this.userConsents = new HashMap<>();
    snapshot.userConsents().forEach((k, v) -> userConsents.put(k, new HashSet<>(v)));
    this.secretChanges = new HashMap<>(snapshot.secretChanges());
    this.refreshTokens = new HashMap<>(snapshot.refreshTokens());
    this.codes = new HashMap<>(snapshot.codes());
    this.sessionsRevokedAt = new HashMap<>(snapshot.sessionsRevokedAt());
    this.clock = new SandboxClock(base, this);
    this.tokenRequests = new TokenRequestLog(clock);
  }

  /** Blocking: reads {@code stateDir/state.json}, or starts afresh (in memory only when no directory). */
  public static SandboxState open(Optional<Path> stateDir, Clock base) {
    Path file = stateDir.map(d -> d.resolve("state.json")).orElse(null);
    try {
      if (file != null) {
        // Before anything is read or written: a directory or key file left readable by others is narrowed.
        PrivateFiles.secure(file.getParent(), file);
      }
      if (file != null && Files.exists(file)) {
        return new SandboxState(file, JSON.readValue(file.toFile(), Snapshot.class), base);
      }
      String key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate().toJSONString();
      SandboxState state = new SandboxState(file,
          new Snapshot(key, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()), base);
      state.save();
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("the sandbox state in " + file + " cannot be read", e);
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA key generation failed", e);
    }
  }

  public SandboxClock clock() {
    return clock;
  }

  public RSAKey signingKey() {
    return signingKey;
  }

  synchronized long clockOffsetMillis() {
    return clockOffsetMillis;
  }

  synchronized void advanceClock(long millis) {
    clockOffsetMillis += millis;
    save();
  }

  public synchronized Optional<Boolean> usersMayConsent(String tenantId) {
    return Optional.ofNullable(usersMayConsent.get(tenantId));
  }

  public synchronized void setUsersMayConsent(String tenantId, boolean allowed) {
    usersMayConsent.put(tenantId, allowed);
    save();
  }

  public synchronized Optional<Boolean> adminConsent(String tenantId, String clientId) {
    return Optional.ofNullable(adminConsent.get(tenantId + "|" + clientId));
  }

  public synchronized void setAdminConsent(String tenantId, String clientId, boolean granted) {
    adminConsent.put(tenantId + "|" + clientId, granted);
    save();
  }

  public synchronized Set<String> userConsent(String tenantId, String clientId, String userId) {
    return Set.copyOf(userConsents.getOrDefault(tenantId + "|" + clientId + "|" + userId, Set.of()));
  }

  public synchronized void addUserConsent(String tenantId, String clientId, String userId, List<String> scopes) {
    userConsents.computeIfAbsent(tenantId + "|" + clientId + "|" + userId, k -> new HashSet<>()).addAll(scopes);
    save();
  }

  /** {@code expired} or {@code deleted}, if the control API changed this secret. */
  public synchronized Optional<String> secretChange(String tenantId, String clientId, String secretId) {
    return Optional.ofNullable(secretChanges.get(tenantId + "|" + clientId + "|" + secretId));
  }

  public synchronized void changeSecret(String tenantId, String clientId, String secretId, String change) {
    secretChanges.put(tenantId + "|" + clientId + "|" + secretId, change);
    save();
  }

  public synchronized void putCode(String code, Grants.Code grant) {
    codes.put(hash(code), grant);
    codes.values().removeIf(c -> c.expiresAt() < clock.millis() - 86_400_000L);
    save();
  }

  public synchronized Optional<Grants.Code> code(String code) {
    return Optional.ofNullable(codes.get(hash(code)));
  }

  public synchronized void markRedeemed(String code) {
    codes.computeIfPresent(hash(code), (k, c) -> c.redeemedNow());
    save();
  }

  public synchronized void putRefreshToken(String token, Grants.Refresh grant) {
    refreshTokens.put(hash(token), grant);
    save();
  }

  public synchronized Optional<Grants.Refresh> refreshToken(String token) {
    return Optional.ofNullable(refreshTokens.get(hash(token)));
  }

  public synchronized void touchRefreshToken(String token, long now) {
    refreshTokens.computeIfPresent(hash(token), (k, r) ->
        new Grants.Refresh(r.tenantId(), r.clientId(), r.userId(), r.scopes(), r.issuedAt(), now));
    save();
  }

  public synchronized Optional<Long> sessionsRevokedAt(String tenantId, String userId) {
    return Optional.ofNullable(sessionsRevokedAt.get(tenantId + "|" + userId));
  }

  public synchronized void revokeSessions(String tenantId, String userId, long at) {
    sessionsRevokedAt.put(tenantId + "|" + userId, at);
    save();
  }

  /** Kept in memory only, bounded: see {@link TokenRequestLog}. */
  public void recordTokenRequest(Grants.TokenRequest request) {
    tokenRequests.add(request);
  }

  /** The token requests answered, oldest first: at most the newest 10,000, none older than a day. */
  public List<Grants.TokenRequest> tokenRequests() {
    return tokenRequests.list();
  }

  public static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the durable part atomically; a sandbox without a state directory keeps it in memory. */
  private void save() {
    if (file == null) {
      return;
    }
    Snapshot snapshot = new Snapshot(signingKey.toJSONString(), clockOffsetMillis, usersMayConsent, adminConsent,
        userConsents, secretChanges, refreshTokens, codes, sessionsRevokedAt);
    try {
      PrivateFiles.replace(file, out -> JSON.writeValue(out, snapshot));
    } catch (IOException e) {
      throw new UncheckedIOException("the sandbox state cannot be written to " + file, e);
    }
  }
}
