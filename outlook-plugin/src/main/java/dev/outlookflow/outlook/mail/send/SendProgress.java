package dev.outlookflow.outlook.mail.send;

import java.util.Optional;

/**
 * How far one send got, recorded in the step's state before each side effect so that a re-invoked
 * step knows what to check: the draft's immutable id, the attachments already on it, and what Graph
 * answered once the mail was sent. The upload session in progress is kept in memory only: its URL is
 * pre-authenticated, a secret that must not reach the store or run records, so what is recorded is
 * {@link Recorded}, which has no place for it; after a crash that attachment starts a new session (the
 * abandoned one expires unused).
 */
record SendProgress(Phase phase, String draftId, int attached, String uploadUrl, SentMessage sent) {
  enum Phase {
    /** Nothing done yet. */
    NEW,
    /** The draft was requested; if its id is unknown, it is looked up by the idempotency key. */
    CREATING,
    /** The draft exists; attachments go on it. */
    DRAFTED,
    /** Send was requested; if in doubt, the draft tells whether it went. */
    SENDING,
    SENT
  }

  /** The step's state: the progress without the upload URL. */
  record Recorded(Phase phase, String draftId, int attached, SentMessage sent) {}

  /** The progress a step's recorded state tells of; a first invocation has none. */
  static SendProgress of(Optional<Recorded> recorded) {
    return recorded.filter(r -> r.phase() != null)
        .map(r -> new SendProgress(r.phase(), r.draftId(), r.attached(), null, r.sent()))
        .orElse(new SendProgress(Phase.NEW, null, 0, null, null));
  }

  Recorded recorded() {
    return new Recorded(phase, draftId, attached, sent);
  }

  SendProgress creating() {
    return new SendProgress(Phase.CREATING, null, 0, null, null);
  }

  SendProgress drafted(String id) {
    return new SendProgress(Phase.DRAFTED, id, attached, uploadUrl, null);
  }

  SendProgress attachedCount(int count) {
    return new SendProgress(Phase.DRAFTED, draftId, count, count == attached ? uploadUrl : null, null);
  }

  SendProgress withoutUpload() {
    return new SendProgress(phase, draftId, attached, null, sent);
  }

  SendProgress uploading(String url) {
    return new SendProgress(Phase.DRAFTED, draftId, attached, url, null);
  }

  SendProgress sending() {
    return new SendProgress(Phase.SENDING, draftId, attached, null, null);
  }

  SendProgress sent(SentMessage details) {
    return new SendProgress(Phase.SENT, draftId, attached, null, details);
  }
}
