package dev.outlookflow.outlook.mail.newmail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one watcher watches: a folder (by id: {@code inbox} is resolved first, so two names of one folder share a
 * watcher) of a mailbox (lower case; the signed-in user's own as {@code me:<account>}) through a connection.
 */
record WatchKey(String connectionId, String mailboxKey, String folderId) {

  /**
   * The watcher's key in the connection's shared state: a hash, as mailbox addresses and folder ids together can
   * be longer than a state key may be.
   */
  String stateKey() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((mailboxKey + "\n" + folderId).getBytes(StandardCharsets.UTF_8));
      return "new-mail/" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
