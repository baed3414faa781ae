package dev.outlookflow.plugin.api.connection;

/** The outcome of testing a connection, in words an admin can act on. */
public record ConnectionTestResult(boolean ok, String message) {
  public static ConnectionTestResult ok(String message) {
    return new ConnectionTestResult(true, message);
  }

  public static ConnectionTestResult failed(String message) {
    return new ConnectionTestResult(false, message);
  }
}
