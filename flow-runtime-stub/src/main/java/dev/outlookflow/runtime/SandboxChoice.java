package dev.outlookflow.runtime;

/** Which Microsoft 365 the runtime's plugins talk to when they use the sandbox. */
public sealed interface SandboxChoice permits SandboxChoice.Embedded, SandboxChoice.External, SandboxChoice.None {

  /** {@code --sandbox} (the default): a demo tenant in this process, its state under {@code DATA_DIR/sandbox}. */
  record Embedded() implements SandboxChoice {}

  /** {@code --sandbox-url URL}: a sandbox running on its own, which outlives runtime restarts. */
  record External(String url) implements SandboxChoice {}

  /** {@code --no-sandbox}. */
  record None() implements SandboxChoice {}
}
