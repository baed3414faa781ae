package dev.outlookflow.runtime.secrets;

/** A stored ciphertext that does not decrypt: wrong master key, or moved from where it belongs. */
public final class SecretUnreadableException extends RuntimeException {
  public SecretUnreadableException(String message) {
    super(message);
  }
}
