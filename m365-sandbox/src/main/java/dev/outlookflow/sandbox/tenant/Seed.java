package dev.outlookflow.sandbox.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a sandbox starts with: tenants with their users, shared mailboxes and app registrations.
 * Read from a JSON file of this shape (see the README), or {@link DemoSeed} when none is given.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Seed(List<Tenant> tenants, Limits limits) {

  /**
   * Graph's mailbox limits: concurrent requests and requests per 10 minutes, per app and mailbox.
   * Absent from a seed file: Graph's numbers. {@code throttling: false} turns both off (benchmarks);
   * {@code concurrencyPerApp: true} counts concurrent requests per app across all mailboxes, as the
   * newest throttling docs describe.
   */
  public record Limits(boolean throttling, int concurrentRequests, int requestsPer10Minutes, boolean concurrencyPerApp) {
    public static final Limits GRAPH = new Limits(true, 4, 10_000, false);

    public Limits(boolean throttling, int concurrentRequests, int requestsPer10Minutes) {
      this(throttling, concurrentRequests, requestsPer10Minutes, false);
    }
  }

  public Seed(List<Tenant> tenants) {
    this(tenants, Limits.GRAPH);
  }

  public Limits effectiveLimits() {
    return limits == null ? Limits.GRAPH : limits;
  }

  public record Tenant(
      String id,
      String domain,
      String displayName,
      boolean usersMayConsent,
      List<User> users,
      List<SharedMailbox> sharedMailboxes,
      List<App> apps) {

    public Optional<User> user(String idOrUpn) {
      return users.stream()
          .filter(u -> u.id().equals(idOrUpn) || u.userPrincipalName().equalsIgnoreCase(idOrUpn))
          .findFirst();
    }

    public Optional<App> app(String clientId) {
      return apps.stream().filter(a -> a.clientId().equals(clientId)).findFirst();
    }
  }

  public record User(
      String id,
      String userPrincipalName,
      String displayName,
      String password,
      boolean admin,
      boolean licensed) {}

  public record SharedMailbox(String id, String userPrincipalName, String displayName, List<Member> members) {}

  /** A user's rights on a shared mailbox: FullAccess, SendAs, SendOnBehalf. */
  public record Member(String userId, List<String> rights) {}

  public record App(
      String clientId,
      String displayName,
      List<Secret> secrets,
      List<String> redirectUris,
      List<String> delegatedScopes,
      List<String> applicationRoles,
      boolean adminConsented) {}

  /** A client secret; {@code expiresAt} is an ISO-8601 instant. */
  public record Secret(String id, String value, String expiresAt) {
    public Instant expiry() {
      return Instant.parse(expiresAt);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public static Seed read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Seed.class);
  }

  public Optional<Tenant> tenant(String idOrDomain) {
    return tenants.stream()
        .filter(t -> t.id().equals(idOrDomain) || t.domain().equalsIgnoreCase(idOrDomain))
        .findFirst();
  }
}
