package dev.outlookflow.sandbox.tenant;

import dev.outlookflow.sandbox.state.SandboxState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The seed as changed by the control API: who exists, who consented, which secrets still work. */
public final class Directory {
  private final Seed seed;
  private final SandboxState state;

  public Directory(Seed seed, SandboxState state) {
    this.seed = seed;
    this.state = state;
  }

  public Seed seed() {
    return seed;
  }

  public Optional<Seed.Tenant> tenant(String idOrDomain) {
    return seed.tenant(idOrDomain);
  }

  /** The tenant a user name belongs to, by its domain. */
  public Optional<Seed.Tenant> tenantOfUser(String userPrincipalName) {
    int at = userPrincipalName.indexOf('@');
    return at < 0 ? Optional.empty() : seed.tenant(userPrincipalName.substring(at + 1));
  }

  public static boolean isMultiTenantAlias(String tenant) {
    return List.of("common", "organizations", "consumers").contains(tenant);
  }

  public boolean usersMayConsent(Seed.Tenant tenant) {
    return state.usersMayConsent(tenant.id()).orElse(tenant.usersMayConsent());
  }

  public boolean adminConsented(Seed.Tenant tenant, Seed.App app) {
    return state.adminConsent(tenant.id(), app.clientId()).orElse(app.adminConsented());
  }

  /** Whether the user (or an admin for everyone) consented to every scope asked. */
  public boolean consented(Seed.Tenant tenant, Seed.App app, Seed.User user, List<String> scopes) {
    return adminConsented(tenant, app) || state.userConsent(tenant.id(), app.clientId(), user.id()).containsAll(scopes);
  }

  /** Result of checking a client secret. */
  public enum SecretCheck { VALID, WRONG, EXPIRED }

  public SecretCheck checkSecret(Seed.Tenant tenant, Seed.App app, String presented, Instant now) {
    for (Seed.Secret secret : app.secrets()) {
      Optional<String> change = state.secretChange(tenant.id(), app.clientId(), secret.id());
      if (!secret.value().equals(presented) || change.filter("deleted"::equals).isPresent()) {
        continue;
      }
      boolean expired = change.filter("expired"::equals).isPresent() || !secret.expiry().isAfter(now);
      return expired ? SecretCheck.EXPIRED : SecretCheck.VALID;
    }
    return SecretCheck.WRONG;
  }

  /** The object id of an app's service principal in a tenant: stable, derived from both ids. */
  public static String servicePrincipalId(Seed.Tenant tenant, Seed.App app) {
    return UUID.nameUUIDFromBytes((tenant.id() + "/" + app.clientId()).getBytes()).toString();
  }
}
