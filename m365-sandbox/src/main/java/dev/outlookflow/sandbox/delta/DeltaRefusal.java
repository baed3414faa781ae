package dev.outlookflow.sandbox.delta;

import java.util.Optional;

/**
 * A delta request Graph would refuse: its status, Graph's error code and message, and for {@code 410 Gone}
 * the initial query to start again from ({@code Location}).
 */
public final class DeltaRefusal extends RuntimeException {
  private final int status;
  private final String code;
  private final transient Optional<DeltaOptions> restartWith;

  DeltaRefusal(int status, String code, String message, Optional<DeltaOptions> restartWith) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.restartWith = restartWith;
  }

  static DeltaRefusal badRequest(String code, String message) {
    return new DeltaRefusal(400, code, message, Optional.empty());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** For a 410: the options of the initial query the client starts again with. */
  public Optional<DeltaOptions> restartWith() {
    return restartWith;
  }
}
