package dev.outlookflow.sandbox.entra;

/** A request Entra refuses, with the AADSTS error and the details its wording names. */
public final class EntraException extends RuntimeException {
  private final Aadsts aadsts;
  private final transient Object[] details;

  public EntraException(Aadsts aadsts, Object... details) {
    super(aadsts.describe(details), null, false, false);
    this.aadsts = aadsts;
    this.details = details.clone();
  }

  public Aadsts aadsts() {
    return aadsts;
  }

  public Object[] details() {
    return details.clone();
  }
}
