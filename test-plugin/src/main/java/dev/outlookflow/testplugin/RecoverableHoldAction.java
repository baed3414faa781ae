package dev.outlookflow.testplugin;

import org.pf4j.Extension;

/** {@link HoldAction} that the runtime may resume after a crash. */
@Extension
public class RecoverableHoldAction extends HoldAction {
  @Override
  public String id() {
    return "hold";
  }

  @Override
  public String name() {
    return "Hold (recoverable)";
  }

  @Override
  public String description() {
    return "Stays in flight; resumes from its recorded state after a crash";
  }

  @Override
  public boolean supportsRecovery() {
    return true;
  }
}
