package dev.outlookflow.sandbox.support;

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
}
