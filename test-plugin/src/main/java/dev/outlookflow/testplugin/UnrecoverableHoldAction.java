package dev.outlookflow.testplugin;

import org.pf4j.Extension;

/** {@link HoldAction} that must not be re-run after a crash. */
@Extension
public class UnrecoverableHoldAction extends HoldAction {
  @Override
  public String id() {
    return "hold-once";
  }

  @Override
  public String name() {
    return "Hold (not recoverable)";
  }

  @Override
  public String description() {
    return "Stays in flight; marked interrupted after a crash";
  }

  @Override
  public boolean supportsRecovery() {
    return false;
  }
}
