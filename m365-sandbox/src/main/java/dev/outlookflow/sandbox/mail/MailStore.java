package dev.outlookflow.sandbox.mail;

import dev.outlookflow.sandbox.state.PrivateFiles;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every mailbox of the seeded tenants (licensed users and shared mailboxes; an unlicensed user has
 * none), and the outbox of mail sent outside the sandbox's tenants.
 */
public final class MailStore {
  private final Map<String, Mailbox> byId = new ConcurrentHashMap<>();
  private final Map<String, Mailbox> byAddress = new ConcurrentHashMap<>();
  private final List<JsonObject> outbox = new CopyOnWriteArrayList<>();
  private final Deliveries deliveries = new Deliveries();
  private final Seed seed;
  private final Path file;
  private final AtomicBoolean dirty = new AtomicBoolean();

  /** Mail kept in memory; with a state directory also in {@code mail.json}, restored at start. */
  public MailStore(Seed seed, Optional<Path> stateDir) {
    this.seed = seed;
    this.file = stateDir.map(d -> d.resolve("mail.json")).orElse(null);
    reset();
    restore();
  }

  public MailStore(Seed seed) {
    this(seed, Optional.empty());
  }

  /** Called after a request that may have changed mail; {@link #flush()} writes it. */
  public void changed() {
    dirty.set(true);
  }

  /** Blocking: writes the mail to the state directory if it changed since the last write. */
  public void flush() {
    if (file == null || !dirty.getAndSet(false)) {
      return;
    }
    JsonArray mailboxes = new JsonArray();
    byId.values().forEach(m -> mailboxes.add(m.toJson()));
    JsonObject saved = new JsonObject().put("mailboxes", mailboxes).put("outbox", new JsonArray(new ArrayList<>(outbox)));
    try {
      PrivateFiles.replace(file, out -> out.write(saved.toBuffer().getBytes()));
    } catch (IOException e) {
      dirty.set(true);
      throw new UncheckedIOException("the sandbox's mail cannot be written to " + file, e);
    }
  }

  private void restore() {
    if (file == null) {
      return;
    }
    try {
      // Mail left readable by others (by an earlier version, or a loose umask) is narrowed at start.
      PrivateFiles.secure(file.getParent(), file);
      if (!Files.exists(file)) {
        return;
      }
      JsonObject saved = new JsonObject(Files.readString(file));
      saved.getJsonArray("mailboxes").forEach(m -> {
        JsonObject mailbox = (JsonObject) m;
        mailbox(mailbox.getString("ownerId")).ifPresent(box -> box.restore(mailbox));
      });
      saved.getJsonArray("outbox").forEach(o -> outbox.add((JsonObject) o));
    } catch (IOException e) {
      throw new UncheckedIOException("the sandbox's mail in " + file + " cannot be read", e);
    }
  }

  /** Back to the seed: empty mailboxes with their well-known folders, an empty outbox, no deliveries recorded. */
  public void reset() {
    changed();
    byId.clear();
    byAddress.clear();
    outbox.clear();
    deliveries.clear();
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

  /** Every mailbox, by address: streams draw their tenant senders from it in the same order each time. */
  public List<Mailbox> mailboxes() {
    return byId.values().stream().sorted(Comparator.comparing(Mailbox::address)).toList();
  }

  /** What {@link MailDelivery} delivered; not kept in the state directory (it is for measuring, not mail). */
  public Deliveries deliveries() {
    return deliveries;
  }

  public void recordExternal(JsonObject message) {
    outbox.add(message);
  }

  public List<JsonObject> outbox() {
    return List.copyOf(outbox);
  }
}
