package dev.outlookflow.sandbox.mail;

/** How {@link Mailbox#moveFolder} ended: moved, or why not. */
public enum FolderMove {
  MOVED,
  /** Inbox, Sent Items and the other well-known folders stay where Exchange put them. */
  WELL_KNOWN,
  /** The destination is the folder itself or a folder under it. */
  INTO_ITSELF,
  /** A folder of the same name (ignoring case) is already under the destination. */
  NAME_TAKEN
}
