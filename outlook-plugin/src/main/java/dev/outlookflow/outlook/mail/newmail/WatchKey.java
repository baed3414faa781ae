package dev.outlookflow.outlook.mail.newmail;

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
    return "new-mail/" + Sha256.hex(mailboxKey + "\n" + folderId, 32);
  }
}
