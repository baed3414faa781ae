package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.tenant.Seed;
import java.util.List;
import java.util.Optional;

/** Who a valid access token speaks for: a user (delegated, with scopes) or an app (with roles). */
public record Caller(Seed.Tenant tenant, String clientId, Optional<Seed.User> user, List<String> scopes,
    List<String> roles) {

  public boolean delegated() {
    return user.isPresent();
  }
}
