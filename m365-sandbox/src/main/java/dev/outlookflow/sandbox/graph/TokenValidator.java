package dev.outlookflow.sandbox.graph;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Directory;
import dev.outlookflow.sandbox.tenant.Seed;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a bearer token as Graph does: a signature by the sandbox's key, not expired by the sandbox
 * clock, Graph as audience, and not issued before its user's sessions were revoked (as Continuous
 * Access Evaluation refuses such tokens).
 */
public final class TokenValidator {
  private static final Set<String> AUDIENCES = Set.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000");

  private final Directory directory;
  private final SandboxState state;

  public TokenValidator(Directory directory, SandboxState state) {
    this.directory = directory;
    this.state = state;
  }

  public Caller caller(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw GraphError.invalidToken("Access token is empty.");
    }
    JWTClaimsSet claims = verified(authorization.substring(7).trim());
    Date expiry = claims.getExpirationTime();
    if (expiry == null || !expiry.toInstant().isAfter(state.clock().instant())) {
      throw GraphError.invalidToken("Lifetime validation failed, the token is expired.");
    }
    if (claims.getAudience().stream().noneMatch(AUDIENCES::contains)) {
      throw GraphError.invalidToken("Invalid audience.");
    }
    Seed.Tenant tenant = directory.tenant(String.valueOf(claims.getClaim("tid")))
        .orElseThrow(() -> GraphError.invalidToken("Invalid tenant."));
    String clientId = String.valueOf(claims.getClaim("appid"));
    if ("user".equals(claims.getClaim("idtyp"))) {
      Seed.User user = tenant.user(claims.getSubject()).orElseThrow(() -> GraphError.invalidToken("Invalid user."));
      Optional<Long> revokedAt = state.sessionsRevokedAt(tenant.id(), user.id());
      if (revokedAt.isPresent() && claims.getIssueTime().getTime() < revokedAt.get()) {
        throw GraphError.invalidToken("Continuous access evaluation resulted in challenge with result: "
            + "InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp");
      }
      String scp = String.valueOf(claims.getClaim("scp"));
      return new Caller(tenant, clientId, Optional.of(user), Arrays.asList(scp.split(" ")), List.of());
    }
    List<String> roles = claims.getClaim("roles") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
    return new Caller(tenant, clientId, Optional.empty(), List.of(), roles);
  }

  private JWTClaimsSet verified(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new RSASSAVerifier(state.signingKey().toRSAPublicKey()))) {
        throw GraphError.invalidToken("Signature verification failed.");
      }
      return jwt.getJWTClaimsSet();
    } catch (ParseException | ClassCastException e) {
      throw GraphError.invalidToken("CompactToken parsing failed with error code: 80049217");
    } catch (JOSEException e) {
      throw GraphError.invalidToken("Signature verification failed.");
    }
  }
}
