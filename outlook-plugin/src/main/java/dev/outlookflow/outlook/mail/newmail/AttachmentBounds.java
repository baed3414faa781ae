package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;

/**
 * How much attachment content a new-mail event carries: at most {@code perAttachment} bytes for one file,
 * {@code perMail} for all of one mail's, and never so much that the event (as JSON, the content as base64) passes
 * {@code eventBytes}, what a run event may hold. An event the runtime refused for its size would start no run at
 * all; a smaller one with a note starts it.
 */
record AttachmentBounds(long perAttachment, long perMail, long eventBytes) {
  static final long MB = 1024 * 1024;
  static final long PER_ATTACHMENT = 3 * MB;
  static final long PER_MAIL = 20 * MB;
  /** The plugin setting that says how large a run event may be, in bytes. */
  static final String EVENT_SETTING = "outlook.newMail.maxEventBytes";
  /**
   * The runtime takes run events of up to a 64th of its heap (a payload costs it about 32 times its size, and half
   * the heap is for payloads: README, "Bounded"), and its event route at most 32 MiB. The plugin runs in the
   * runtime's JVM, so the same heap bounds it; a runtime that takes less is told with {@link #EVENT_SETTING}.
   */
  static final long HEAP_SHARE = 64;
  static final long ROUTE_LIMIT = 32 * MB;

  static AttachmentBounds of(PluginEnvironment environment, StepLog log) {
    long fromHeap = Math.min(Runtime.getRuntime().maxMemory() / HEAP_SHARE, ROUTE_LIMIT);
    long eventBytes = environment.setting(EVENT_SETTING).map(text -> {
      try {
        long bytes = Long.parseLong(text.trim());
        if (bytes >= MB && bytes <= ROUTE_LIMIT) {
          return bytes;
        }
      } catch (NumberFormatException ignored) {
        // Reported below, as any value out of range.
      }
      log.warn("plugin setting " + EVENT_SETTING + " must be a whole number of bytes from " + MB + " to "
          + ROUTE_LIMIT + "; using " + fromHeap + " (a 64th of this runtime's heap)");
      return fromHeap;
    }).orElse(fromHeap);
    return new AttachmentBounds(PER_ATTACHMENT, PER_MAIL, eventBytes);
  }
}
