package dev.outlookflow.runtime.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key of one connection or one run; seals values bound to a context (e.g. workspace,
 * connection and field), so a ciphertext moved elsewhere does not decrypt.
 */
public final class DataKey {
  private final byte[] key;

  DataKey(byte[] key) {
    this.key = key.clone();
  }

  public String seal(String plaintext, String... context) {
    return Aead.seal(key, plaintext.getBytes(StandardCharsets.UTF_8), String.join("\n", context));
  }

  public String open(String sealed, String... context) {
    return new String(Aead.open(key, sealed, String.join("\n", context)), StandardCharsets.UTF_8);
  }

  public byte[] sealBytes(byte[] plaintext, String... context) {
    return Aead.seal(key, plaintext, String.join("\n", context)).getBytes(StandardCharsets.US_ASCII);
  }

  public byte[] openBytes(byte[] sealed, String... context) {
    return Aead.open(key, new String(sealed, StandardCharsets.US_ASCII), String.join("\n", context));
  }

  byte[] material() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "DataKey[REDACTED]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataKey that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }
}
