package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.action.ActionDescriptor;
import org.pf4j.Extension;

/** {@link HoldAction} that must not be re-run after a crash. */
@Extension
public class UnrecoverableHoldAction extends HoldAction {
  private static final ActionDescriptor<Properties, Held> DESCRIPTOR = ActionDescriptor.of("hold-once",
      "Hold (not recoverable)", "Stays in flight; marked interrupted after a crash", Properties.class, Held.class);

  @Override
  public ActionDescriptor<Properties, Held> descriptor() {
    return DESCRIPTOR;
  }
}
