package dev.outlookflow.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deliveries record keeps the newest records only, and its numbering tells a reader what it missed. */
class DeliveriesBoundTest {
  private final MailStore store = new MailStore(DemoSeed.seed());
  private final Mailbox mailbox = store.mailbox(DemoSeed.ADMIN).orElseThrow();
  private final MailFolder inbox = mailbox.folder("inbox").orElseThrow();
  private final Deliveries deliveries = new Deliveries(3);

  private void deliver(int times) {
    for (int i = 0; i < times; i++) {
      Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
      StoredMessage message = mailbox.add(inbox.id(), Messages.resource(new JsonObject().put("subject", "m" + i),
          Messages.recipient("a@example.com", "A"), null, false, now), now);
      deliveries.add(message, mailbox, inbox, now);
    }
  }

  @Test
  void theOldestAreDroppedAndAReaderBehindSeesWhereTheRecordNowStarts() {
    deliver(5);
    Deliveries.Page page = deliveries.after(0, 10);
    assertThat(page.oldest()).isEqualTo(3);
    assertThat(page.value().stream().map(Delivery::seq)).containsExactly(3L, 4L, 5L);
    assertThat(deliveries.after(3, 1).value().stream().map(Delivery::seq)).containsExactly(4L);
    assertThat(deliveries.after(5, 10).value()).isEmpty();
  }

  @Test
  void aClearedRecordNumbersOn() {
    deliver(2);
    deliveries.clear();
    assertThat(deliveries.after(0, 10).value()).isEmpty();
    assertThat(deliveries.after(0, 10).oldest()).isEqualTo(3);
    deliver(4);
    assertThat(deliveries.after(0, 10).value().stream().map(Delivery::seq)).containsExactly(4L, 5L, 6L);
  }
}
