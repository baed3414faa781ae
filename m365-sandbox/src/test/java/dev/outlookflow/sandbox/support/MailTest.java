package dev.outlookflow.sandbox.support;

import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A test of mail against a fresh demo sandbox per test: {@link #sandbox} and the mail users' {@link #users}. */
public abstract class MailTest {
  @RegisterExtension protected final MailSandbox mail = new MailSandbox();

  protected RunningSandbox sandbox;
  protected MailUsers users;

  /** Runs after the extension started this test's sandbox. */
  @BeforeEach
  void bindSandbox() {
    sandbox = mail.sandbox();
    users = mail.users();
  }

  /** Delivers a mail to Megan's Inbox through the control API; answers it with both its ids. */
  protected JsonObject delivered(String subject) throws Exception {
    return delivered(subject, "inbox");
  }

  /** Delivers a mail to a folder of Megan's mailbox (id or well-known name) through the control API. */
  protected JsonObject delivered(String subject, String folder) throws Exception {
    return sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/" + folder + "/messages",
        MailUsers.mail(subject, DemoSeed.ADMIN)).json();
  }
}
