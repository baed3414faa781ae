package dev.outlookflow.sandbox.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Directory;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Issues what Entra's token endpoint answers: RS256 access tokens in Graph's v1.0 shape, v2.0 id
 * tokens, {@code client_info} and opaque refresh tokens (kept only as hashes).
 */
public final class TokenIssuer {
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3599);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SandboxState state;
  private final String issuerBase;

  /** {@code issuerBase} is the sandbox's address, used in v2.0 issuers. */
  public TokenIssuer(SandboxState state, String issuerBase) {
    this.state = state;
    this.issuerBase = issuerBase;
  }

  /** A delegated response: access token with {@code scp}, id token, client_info, refresh token. */
  public JsonObject delegated(Seed.Tenant tenant, Seed.App app, Seed.User user, Scopes scopes, String nonce,
      String refreshToken) {
    Instant now = state.clock().instant();
    JWTClaimsSet.Builder access = common(tenant, app, now)
        .claim("idtyp", "user")
        .claim("name", user.displayName())
        .claim("oid", user.id())
        .claim("upn", user.userPrincipalName())
        .claim("unique_name", user.userPrincipalName())
        .claim("scp", String.join(" ", scopes.graphPermissions()))
        .subject(user.id());
    JsonObject response = response(sign(access.build()), scopes);
    if (scopes.openId()) {
      response.put("id_token", sign(idToken(tenant, app, user, nonce, now)));
    }
    response.put("client_info", clientInfo(tenant, user));
    if (refreshToken != null) {
      response.put("refresh_token", refreshToken);
    }
    return response;
  }

  /** An app-only response; {@code roles} only where an admin consented to the app's roles. */
  public JsonObject appOnly(Seed.Tenant tenant, Seed.App app, Scopes scopes, boolean adminConsented) {
    Instant now = state.clock().instant();
    String servicePrincipal = Directory.servicePrincipalId(tenant, app);
    JWTClaimsSet.Builder access = common(tenant, app, now)
        .claim("idtyp", "app")
        .claim("oid", servicePrincipal)
        .subject(servicePrincipal);
    if (adminConsented && !app.applicationRoles().isEmpty()) {
      access.claim("roles", app.applicationRoles());
    }
    return new JsonObject()
        .put("token_type", "Bearer")
        .put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds())
        .put("ext_expires_in", ACCESS_TOKEN_LIFETIME.toSeconds())
        .put("access_token", sign(access.build()));
  }

  public static String newOpaqueToken() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return "0.SBX" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private JWTClaimsSet.Builder common(Seed.Tenant tenant, Seed.App app, Instant now) {
    return new JWTClaimsSet.Builder()
        .audience(Scopes.GRAPH)
        .issuer("https://sts.windows.net/" + tenant.id() + "/")
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
        .claim("appid", app.clientId())
        .claim("app_displayname", app.displayName())
        .claim("tid", tenant.id())
        .claim("ver", "1.0")
        .claim("uti", UUID.randomUUID().toString());
  }

  private JsonObject response(String accessToken, Scopes scopes) {
    return new JsonObject()
        .put("token_type", "Bearer")
        .put("scope", String.join(" ", scopes.requested()))
        .put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds())
        .put("ext_expires_in", ACCESS_TOKEN_LIFETIME.toSeconds())
        .put("access_token", accessToken);
  }

  private JWTClaimsSet idToken(Seed.Tenant tenant, Seed.App app, Seed.User user, String nonce, Instant now) {
    JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
        .audience(app.clientId())
        .issuer(issuerBase + "/" + tenant.id() + "/v2.0")
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
        .subject(user.id())
        .claim("name", user.displayName())
        .claim("oid", user.id())
        .claim("preferred_username", user.userPrincipalName())
        .claim("tid", tenant.id())
        .claim("ver", "2.0");
    if (nonce != null) {
      id.claim("nonce", nonce);
    }
    return id.build();
  }

  /** base64url of {@code {"uid","utid"}}: how msal4j names the account. */
  static String clientInfo(Seed.Tenant tenant, Seed.User user) {
    String json = new JsonObject().put("uid", user.id()).put("utid", tenant.id()).encode();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
          .type(JOSEObjectType.JWT).keyID(state.signingKey().getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(state.signingKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }
}
