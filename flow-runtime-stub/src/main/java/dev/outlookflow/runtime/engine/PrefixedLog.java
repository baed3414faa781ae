package dev.outlookflow.runtime.engine;

import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.runtime.logs.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plugin's log lines, each naming what it concerns (e.g. {@code run 42 step send}). */
public final class PrefixedLog implements StepLog {
  private final Logger logger;
  private final String prefix;

  public PrefixedLog(String plugin, String prefix) {
    this.logger = LoggerFactory.getLogger("plugin." + plugin);
    this.prefix = prefix + ": ";
  }

  @Override
  public void info(String message) {
    logger.info("{}{}", prefix, LogSafe.text(message));
  }

  @Override
  public void warn(String message) {
    logger.warn("{}{}", prefix, LogSafe.text(message));
  }

  @Override
  public void error(String message, Throwable cause) {
    logger.error("{}{}: {}", prefix, LogSafe.text(message), LogSafe.text(String.valueOf(cause)));
  }
}
