package dev.outlookflow.sandbox.entra;

import dev.outlookflow.sandbox.state.Grants;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Directory;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: authorization_code (PKCE checked, single use),
 * refresh_token (rotated; the old one stays valid until it expires or is revoked) and
 * client_credentials ({@code .default} only, not on {@code /common}).
 */
public final class TokenEndpoint {
  static final Duration REFRESH_INACTIVITY = Duration.ofDays(90);

  private final Directory directory;
  private final SandboxState state;
  private final TokenIssuer issuer;

  public TokenEndpoint(Directory directory, SandboxState state, TokenIssuer issuer) {
    this.directory = directory;
    this.state = state;
    this.issuer = issuer;
  }

  /** The response body; throws {@link EntraException} for a refusal. */
  public JsonObject handle(String tenantPath, MultiMap form, String basicAuth) {
    String grantType = required(form, "grant_type");
    Client client = client(form, basicAuth);
    return switch (grantType) {
      case "client_credentials" -> clientCredentials(tenantPath, client, form);
      case "authorization_code" -> authorizationCode(tenantPath, client, form);
      case "refresh_token" -> refreshToken(tenantPath, client, form);
      default -> throw new EntraException(Aadsts.UNSUPPORTED_GRANT, grantType);
    };
  }

  private record Client(String clientId, String secret) {}

  private static Client client(MultiMap form, String basicAuth) {
    if (basicAuth != null && basicAuth.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = new String(Base64.getDecoder().decode(basicAuth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        return new Client(decoded.substring(0, colon), decoded.substring(colon + 1));
      }
    }
    return new Client(required(form, "client_id"), form.get("client_secret"));
  }

  private static String required(MultiMap form, String name) {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      throw new EntraException(Aadsts.MISSING_PARAMETER, name);
    }
    return value;
  }

  private Seed.Tenant tenant(String tenantPath) {
    return directory.tenant(tenantPath).orElseThrow(() -> new EntraException(Aadsts.TENANT_NOT_FOUND, tenantPath));
  }

  /** The app, authenticated by its secret, in the tenant. */
  private Seed.App authenticated(Seed.Tenant tenant, Client client) {
    Seed.App app = tenant.app(client.clientId())
        .orElseThrow(() -> new EntraException(Aadsts.UNKNOWN_CLIENT, client.clientId(), tenant.id()));
    if (client.secret() == null) {
      throw new EntraException(Aadsts.MISSING_PARAMETER, "client_assertion' or 'client_secret");
    }
    return switch (directory.checkSecret(tenant, app, client.secret(), state.clock().instant())) {
      case VALID -> app;
      case EXPIRED -> throw new EntraException(Aadsts.CLIENT_SECRET_EXPIRED, app.clientId());
      case WRONG -> throw new EntraException(Aadsts.INVALID_CLIENT_SECRET, app.clientId());
    };
  }

  private JsonObject clientCredentials(String tenantPath, Client client, MultiMap form) {
    if (Directory.isMultiTenantAlias(tenantPath)) {
      throw new EntraException(Aadsts.GRANT_NOT_ON_COMMON);
    }
    Seed.Tenant tenant = tenant(tenantPath);
    Seed.App app = authenticated(tenant, client);
    Scopes scopes = scopes(required(form, "scope"));
    if (!scopes.defaultScope() || !scopes.graphPermissions().isEmpty()) {
      throw new EntraException(Aadsts.INVALID_SCOPE, form.get("scope"));
    }
    return issuer.appOnly(tenant, app, scopes, directory.adminConsented(tenant, app));
  }

  private JsonObject authorizationCode(String tenantPath, Client client, MultiMap form) {
    String code = required(form, "code");
    Grants.Code grant = state.code(code).orElseThrow(() -> new EntraException(Aadsts.INVALID_GRANT));
    Seed.Tenant tenant = grantTenant(tenantPath, grant.tenantId());
    Seed.App app = authenticated(tenant, client);
    if (!grant.clientId().equals(app.clientId())) {
      throw new EntraException(Aadsts.INVALID_GRANT);
    }
    if (grant.redeemed()) {
      throw new EntraException(Aadsts.CODE_ALREADY_REDEEMED);
    }
    if (grant.expiresAt() < state.clock().millis()) {
      throw new EntraException(Aadsts.CODE_EXPIRED);
    }
    if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
      throw new EntraException(Aadsts.REDIRECT_URI_MISMATCH, form.get("redirect_uri"), app.clientId());
    }
    verifyPkce(grant, form.get("code_verifier"));
    if (form.get("scope") != null) {
      scopes(form.get("scope"));
    }
    state.markRedeemed(code);
    Seed.User user = tenant.user(grant.userId()).orElseThrow(() -> new EntraException(Aadsts.INVALID_GRANT));
    Scopes scopes = scopes(String.join(" ", grant.scopes()));
    return issueDelegated(tenant, app, user, scopes, grant.nonce());
  }

  private JsonObject refreshToken(String tenantPath, Client client, MultiMap form) {
    String token = required(form, "refresh_token");
    Grants.Refresh grant = state.refreshToken(token).orElseThrow(() -> new EntraException(Aadsts.INVALID_GRANT));
    Seed.Tenant tenant = grantTenant(tenantPath, grant.tenantId());
    Seed.App app = authenticated(tenant, client);
    long now = state.clock().millis();
    if (!grant.clientId().equals(app.clientId())) {
      throw new EntraException(Aadsts.INVALID_GRANT);
    }
    if (now - grant.lastUsedAt() > REFRESH_INACTIVITY.toMillis()) {
      throw new EntraException(Aadsts.REFRESH_TOKEN_INACTIVE, Instant.ofEpochMilli(grant.issuedAt()));
    }
    Long revokedAt = state.sessionsRevokedAt(tenant.id(), grant.userId()).orElse(null);
    if (revokedAt != null && grant.issuedAt() < revokedAt) {
      throw new EntraException(Aadsts.FRESH_TOKEN_NEEDED, Instant.ofEpochMilli(grant.issuedAt()),
          Instant.ofEpochMilli(revokedAt));
    }
    Seed.User user = tenant.user(grant.userId()).orElseThrow(() -> new EntraException(Aadsts.INVALID_GRANT));
    Scopes scopes = scopes(form.get("scope") == null ? String.join(" ", grant.scopes()) : form.get("scope"));
    if (!directory.consented(tenant, app, user, scopes.graphPermissions())) {
      throw new EntraException(Aadsts.CONSENT_REQUIRED, app.clientId(), app.displayName());
    }
    state.touchRefreshToken(token, now);
    return issueDelegated(tenant, app, user, withOffline(scopes), null);
  }

  private JsonObject issueDelegated(Seed.Tenant tenant, Seed.App app, Seed.User user, Scopes scopes, String nonce) {
    String refreshToken = null;
    if (scopes.offlineAccess()) {
      refreshToken = TokenIssuer.newOpaqueToken();
      long now = state.clock().millis();
      state.putRefreshToken(refreshToken, new Grants.Refresh(tenant.id(), app.clientId(), user.id(),
          grantScopes(scopes), now, now));
    }
    return issuer.delegated(tenant, app, user, scopes, nonce, refreshToken);
  }

  /** A refresh keeps what the original grant had, offline access included. */
  private static Scopes withOffline(Scopes scopes) {
    return new Scopes(scopes.requested(), scopes.graphPermissions(), true, true, scopes.defaultScope());
  }

  private static List<String> grantScopes(Scopes scopes) {
    List<String> all = new ArrayList<>(scopes.requested());
    all.add("openid");
    all.add("offline_access");
    return all;
  }

  private Seed.Tenant grantTenant(String tenantPath, String grantTenantId) {
    if (!Directory.isMultiTenantAlias(tenantPath) && !tenant(tenantPath).id().equals(grantTenantId)) {
      throw new EntraException(Aadsts.INVALID_GRANT);
    }
    return tenant(grantTenantId);
  }

  private static void verifyPkce(Grants.Code grant, String verifier) {
    if (grant.codeChallenge() == null) {
      return;
    }
    if (verifier == null) {
      throw new EntraException(Aadsts.CODE_VERIFIER_MISMATCH);
    }
    String expected = "plain".equalsIgnoreCase(grant.codeChallengeMethod()) ? verifier : s256(verifier);
    if (!expected.equals(grant.codeChallenge())) {
      throw new EntraException(Aadsts.CODE_VERIFIER_MISMATCH);
    }
  }

  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Scopes scopes(String text) {
    List<String> unknown = new ArrayList<>();
    Scopes scopes = Scopes.parse(text, unknown);
    if (!unknown.isEmpty()) {
      throw new EntraException(Aadsts.INVALID_SCOPE, unknown.get(0));
    }
    return scopes;
  }
}
