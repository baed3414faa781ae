package dev.outlookflow.outlook.mail.newmail;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** A round that does what another does, for a test to change one of its answers. */
class DelegatingRound implements PageFiring.Round {
  private final PageFiring.Round round;

  DelegatingRound(PageFiring.Round round) {
    this.round = round;
  }

  @Override
  public List<Subscriber> targets() {
    return round.targets();
  }

  @Override
  public Instant started() {
    return round.started();
  }

  @Override
  public Instant floor(Subscriber target) {
    return round.floor(target);
  }

  @Override
  public Future<NewMail> prepare(PageFiring.Candidate candidate) {
    return round.prepare(candidate);
  }

  @Override
  public NewMail plain(PageFiring.Candidate candidate) {
    return round.plain(candidate);
  }

  @Override
  public NewMail partial(PageFiring.Candidate candidate) {
    return round.partial(candidate);
  }

  @Override
  public int attempts() {
    return round.attempts();
  }

  @Override
  public FailingMails failing() {
    return round.failing();
  }

  @Override
  public void fired(PageFiring.Candidate candidate, List<Subscriber.Outcome> outcomes, boolean failedRun) {
    round.fired(candidate, outcomes, failedRun);
  }

  @Override
  public void unfired(PageFiring.Candidate candidate, String reason) {
    round.unfired(candidate, reason);
  }

  @Override
  public String explain(Throwable failure) {
    return round.explain(failure);
  }
}
