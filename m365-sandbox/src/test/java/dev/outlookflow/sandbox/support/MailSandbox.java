package dev.outlookflow.sandbox.support;

import dev.outlookflow.sandbox.SandboxOptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh demo sandbox per test, with admin consent granted and the mail users' tokens. */
public final class MailSandbox implements BeforeEachCallback, AfterEachCallback {
  private RunningSandbox sandbox;
  private MailUsers users;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    users = MailUsers.of(sandbox);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    sandbox.close();
  }

  public RunningSandbox sandbox() {
    return sandbox;
  }

  public MailUsers users() {
    return users;
  }
}
