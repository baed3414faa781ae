package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.action.ActionDescriptor;
import org.pf4j.Extension;

/** {@link HoldAction} that the runtime may resume after a crash. */
@Extension
public class RecoverableHoldAction extends HoldAction {
  private static final ActionDescriptor<Properties, Held> DESCRIPTOR = ActionDescriptor.of("hold",
      "Hold (recoverable)", "Stays in flight; resumes from its recorded state after a crash", Properties.class,
      Held.class).recoverable();

  @Override
  public ActionDescriptor<Properties, Held> descriptor() {
    return DESCRIPTOR;
  }
}
