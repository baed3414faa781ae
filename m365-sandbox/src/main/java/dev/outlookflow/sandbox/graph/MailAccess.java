package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.tenant.Seed;
import java.util.List;
import java.util.Set;

/**
 * Graph's rules for mail: the token's permission (delegated {@code scp} or application {@code roles})
 * and, for another user's mailbox, the signed-in user's Exchange rights on it.
 */
final class MailAccess {
  enum Need { READ, WRITE, SEND }

  private MailAccess() {}

  static void check(Caller caller, Mailbox mailbox, Need need) {
    if (!caller.delegated()) {
      if (!caller.roles().stream().anyMatch(appRoles(need)::contains)) {
        throw GraphError.accessDenied();
      }
      return;
    }
    Seed.User user = caller.user().orElseThrow();
    boolean own = user.id().equals(mailbox.ownerId());
    Set<String> needed = own ? ownScopes(need) : sharedScopes(need);
    if (caller.scopes().stream().noneMatch(needed::contains)) {
      throw GraphError.accessDenied();
    }
    if (!own && !rights(caller.tenant(), mailbox, user).contains("FullAccess")) {
      throw GraphError.accessDenied();
    }
  }

  /** The signed-in user's rights on a shared mailbox: FullAccess, SendAs, SendOnBehalf. */
  static List<String> rights(Seed.Tenant tenant, Mailbox mailbox, Seed.User user) {
    return tenant.sharedMailboxes().stream()
        .filter(s -> s.id().equals(mailbox.ownerId()))
        .flatMap(s -> s.members().stream())
        .filter(m -> m.userId().equals(user.id()))
        .flatMap(m -> m.rights().stream())
        .toList();
  }

  private static Set<String> ownScopes(Need need) {
    return switch (need) {
      case READ -> Set.of("Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic");
      case WRITE -> Set.of("Mail.ReadWrite");
      case SEND -> Set.of("Mail.Send");
    };
  }

  private static Set<String> sharedScopes(Need need) {
    return switch (need) {
      case READ -> Set.of("Mail.Read.Shared", "Mail.ReadWrite.Shared");
      case WRITE -> Set.of("Mail.ReadWrite.Shared");
      case SEND -> Set.of("Mail.Send.Shared");
    };
  }

  private static Set<String> appRoles(Need need) {
    return switch (need) {
      case READ -> Set.of("Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic", "Mail.ReadBasic.All");
      case WRITE -> Set.of("Mail.ReadWrite");
      case SEND -> Set.of("Mail.Send");
    };
  }
}
