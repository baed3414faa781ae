package dev.outlookflow.plugin.api;

/**
 * A logger bound to what it concerns (run and step, or flow and trigger): the runtime prefixes each
 * line with those ids. Never pass secrets or message bodies.
 */
public interface StepLog {
  void info(String message);

  void warn(String message);

  void error(String message, Throwable cause);
}
