package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Uploads a large attachment through its upload session: chunks under 4 MiB, in order; a resumed
 * upload first asks the session what it expects next.
 */
final class Uploads {
  /** 3.75 MiB: under Graph's 4 MiB per request, and a multiple of 320 KiB as upload sessions prefer. */
  static final int CHUNK_BYTES = 12 * 320 * 1024;

  /** The session is gone: it completed (its last answer was lost) or expired. */
  static final class SessionEnded extends RuntimeException {
    SessionEnded() {
      super("the upload session ended", null, false, false);
    }
  }

  private final MailGraph graph;
  private final Mailbox mailbox;

  Uploads(MailGraph graph, Mailbox mailbox) {
    this.graph = graph;
    this.mailbox = mailbox;
  }

  Future<Void> upload(String uploadUrl, OutgoingAttachment attachment, boolean resuming) {
    Future<Long> start = resuming
        ? graph.uploadStatus(mailbox, uploadUrl).map(status -> nextExpected(status, 0))
            .recover(failure -> failure instanceof GraphException e && e.status() == 404
                ? Future.failedFuture(new SessionEnded()) : Future.failedFuture(failure))
        : Future.succeededFuture(0L);
    return start.compose(offset -> chunks(uploadUrl, attachment.content(), offset));
  }

  private Future<Void> chunks(String uploadUrl, byte[] content, long start) {
    int from = (int) start;
    int to = chunkEnd(from, content.length);
    Buffer chunk = Buffer.buffer().appendBytes(content, from, to - from);
    return graph.uploadChunk(mailbox, uploadUrl, chunk, start, content.length).compose(answer -> {
      JsonArray expected = answer.getJsonArray("nextExpectedRanges");
      if (expected == null || expected.isEmpty()) {
        return Future.succeededFuture();
      }
      return chunks(uploadUrl, content, nextExpected(answer, to));
    });
  }

  /** Where the chunk that starts at {@code from} of {@code length} bytes ends (exclusive). */
  static int chunkEnd(int from, int length) {
    return (int) Math.min((long) from + CHUNK_BYTES, length);
  }

  /** The first of {@code nextExpectedRanges} ("2097152" or "2097152-4194303"): where to go on. */
  static long nextExpected(JsonObject answer, long fallback) {
    JsonArray ranges = answer.getJsonArray("nextExpectedRanges");
    if (ranges == null || ranges.isEmpty()) {
      return fallback;
    }
    String first = ranges.getString(0);
    int dash = first.indexOf('-');
    return Long.parseLong(dash < 0 ? first.trim() : first.substring(0, dash).trim());
  }
}
