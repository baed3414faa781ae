package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.PluginEnvironment;
import java.time.Duration;

/**
 * The new-mail trigger's plugin settings ({@code --plugin-setting name=value}): {@value #AUDIT} (how often a
 * watcher audits its folder, in seconds; default 300) and {@value #ATTEMPTS} (in how many rounds in a row a mail
 * may fail before it ends as a failed run; default 5) and {@value #FOLDER_SCAN} (how often a flow with subfolders
 * looks for new ones, in seconds; default 300). A value out of range is logged and the default used.
 */
record NewMailSettings(Duration auditEvery, int attemptsPerMail, Duration folderScanEvery) {
  static final String AUDIT = "outlook.newMail.auditSeconds";
  static final String FOLDER_SCAN = "outlook.newMail.folderScanSeconds";
  static final String ATTEMPTS = "outlook.newMail.attemptsPerMail";
  static final long DEFAULT_AUDIT_SECONDS = 300;
  static final long DEFAULT_FOLDER_SCAN_SECONDS = 300;
  static final int DEFAULT_ATTEMPTS = 5;

  static NewMailSettings of(PluginEnvironment environment, StepLog log) {
    return new NewMailSettings(Duration.ofSeconds(whole(environment, log, AUDIT, 1, 86_400, DEFAULT_AUDIT_SECONDS)),
        (int) whole(environment, log, ATTEMPTS, 1, 100, DEFAULT_ATTEMPTS),
        Duration.ofSeconds(whole(environment, log, FOLDER_SCAN, 1, 86_400, DEFAULT_FOLDER_SCAN_SECONDS)));
  }

  private static long whole(PluginEnvironment environment, StepLog log, String name, long min, long max,
      long fallback) {
    return environment.setting(name).map(text -> {
      try {
        long value = Long.parseLong(text.trim());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException ignored) {
        // Reported below, as any value out of range.
      }
      log.warn("plugin setting " + name + " must be a whole number from " + min + " to " + max + "; using "
          + fallback);
      return fallback;
    }).orElse(fallback);
  }
}
