package dev.outlookflow.runtime.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key values: 256 random bits, shown once. Only their SHA-256 is stored; a fast hash is right
 * here because the keys are random, not chosen by people.
 */
final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  static String newKey() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return "ofk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
