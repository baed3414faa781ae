package dev.outlookflow.sandbox.mail;

import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every mailbox of the seeded tenants (licensed users and shared mailboxes; an unlicensed user has
 * none), and the outbox of mail sent outside the sandbox's tenants.
 */
public final class MailStore {
  private final Map<String, Mailbox> byId = new ConcurrentHashMap<>();
  private final Map<String, Mailbox> byAddress = new ConcurrentHashMap<>();
  private final List<JsonObject> outbox = new CopyOnWriteArrayList<>();
  private final Seed seed;

  public MailStore(Seed seed) {
    this.seed = seed;
    reset();
  }

  /** Back to the seed: empty mailboxes with their well-known folders, an empty outbox. */
  public void reset() {
    byId.clear();
    byAddress.clear();
    outbox.clear();
    for (Seed.Tenant tenant : seed.tenants()) {
      tenant.users().stream().filter(Seed.User::licensed)
          .forEach(u -> add(new Mailbox(u.id(), u.userPrincipalName(), u.displayName())));
      tenant.sharedMailboxes().forEach(s -> add(new Mailbox(s.id(), s.userPrincipalName(), s.displayName())));
    }
  }

  private void add(Mailbox mailbox) {
    byId.put(mailbox.ownerId(), mailbox);
    byAddress.put(mailbox.address().toLowerCase(java.util.Locale.ROOT), mailbox);
  }

  /** The mailbox of a user or shared mailbox, by object id or address. */
  public Optional<Mailbox> mailbox(String idOrAddress) {
    Mailbox found = byId.get(idOrAddress);
    return Optional.ofNullable(found != null ? found : byAddress.get(idOrAddress.toLowerCase(java.util.Locale.ROOT)));
  }

  public void recordExternal(JsonObject message) {
    outbox.add(message);
  }

  public List<JsonObject> outbox() {
    return List.copyOf(outbox);
  }
}
