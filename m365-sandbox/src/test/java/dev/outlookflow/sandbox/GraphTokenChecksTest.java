package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1.0/me} refuses every token Graph would refuse, with Graph's 401. */
class GraphTokenChecksTest {
  private RunningSandbox sandbox;
  private String accessToken;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    CodeFlow flow = new CodeFlow(sandbox);
    accessToken = flow.redeem(flow.code(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD), CodeFlow.VERIFIER).json()
        .getString("access_token");
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private static void assertGraph401(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    JsonObject error = answer.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("InvalidAuthenticationToken");
    assertThat(error.getJsonObject("innerError").getString("request-id")).isNotBlank();
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"\", authorization_uri=");
  }

  /** The issued token's claims with one change, signed with {@code key}. */
  private String resigned(RSAKey key, java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(accessToken).getJWTClaimsSet())).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void theIssuedTokenIsAccepted() throws Exception {
    assertThat(sandbox.get("/v1.0/me", accessToken).json().getString("userPrincipalName")).isEqualTo(DemoSeed.ADMIN);
  }

  @Test
  void aForgedTokenIsRefused() throws Exception {
    RSAKey forger = new RSAKeyGenerator(2048).keyID(sandbox.sandbox().state().signingKey().getKeyID()).generate();
    assertGraph401(sandbox.get("/v1.0/me", resigned(forger, b -> b)));
  }

  @Test
  void anExpiredTokenIsRefusedOnceTheSandboxClockPassesItsExpiry() throws Exception {
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 3600));
    Http.Answer answer = sandbox.get("/v1.0/me", accessToken);
    assertGraph401(answer);
    assertThat(answer.json().getJsonObject("error").getString("message")).contains("expired");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    assertGraph401(sandbox.get("/v1.0/me", resigned(sandbox.sandbox().state().signingKey(),
        b -> b.audience("https://management.azure.com"))));
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    String unsigned = new PlainJWT(SignedJWT.parse(accessToken).getJWTClaimsSet()).serialize();
    assertGraph401(sandbox.get("/v1.0/me", unsigned));
    assertGraph401(sandbox.get("/v1.0/me", "not-a-jwt"));
    assertGraph401(sandbox.get("/v1.0/me", null));
  }

  @Test
  void aTokenIssuedBeforeTheUsersSessionsWereRevokedIsRefused() throws Exception {
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/users/" + DemoSeed.ADMIN + "/revokeSessions", new JsonObject());
    Http.Answer answer = sandbox.get("/v1.0/me", accessToken);
    assertGraph401(answer);
    assertThat(answer.json().getJsonObject("error").getString("message")).contains("TokenIssuedBeforeRevocationTimestamp");
  }

  @Test
  void anUnknownUserIs404AndMeNeedsAUser() throws Exception {
    assertThat(sandbox.get("/v1.0/users/nobody@" + DemoSeed.DOMAIN, accessToken).status()).isEqualTo(404);
    String appOnly = new CodeFlow(sandbox).token("grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET)
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default").json().getString("access_token");
    assertThat(sandbox.get("/v1.0/me", appOnly).status()).isEqualTo(400);
  }

  @Test
  void expiryIsJudgedByTheSandboxClock() throws Exception {
    Date expiry = SignedJWT.parse(accessToken).getJWTClaimsSet().getExpirationTime();
    long secondsLeft = Duration.between(sandbox.sandbox().state().clock().instant(), expiry.toInstant()).toSeconds();

    sandbox.control("/clock", new JsonObject().put("advanceSeconds", secondsLeft - 60));
    assertThat(sandbox.get("/v1.0/me", accessToken).status()).as("a minute before its expiry").isEqualTo(200);

    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 61));
    assertGraph401(sandbox.get("/v1.0/me", accessToken));
  }
}
