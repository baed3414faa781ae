package dev.outlookflow.runtime.connections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Binds a sign-in to the browser that opened its link: a cookie, named after the sign-in's state so that
 * several sign-ins may be under way in one browser, whose random value only the runtime can check (it
 * keeps the value's hash).
 */
public record BrowserBinding(String cookieName, String cookieValue) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The binding of the sign-in under {@code state} to the browser given {@code cookieValue}. */
  static BrowserBinding of(String state, String cookieValue) {
    return new BrowserBinding(cookieName(state), cookieValue);
  }

  /** The cookie that binds the sign-in under {@code state}. */
  public static String cookieName(String state) {
    return "signin-" + sha256(state).substring(0, 16);
  }

  /** What the runtime keeps of the cookie's value. */
  String hash() {
    return sha256(cookieValue);
  }

  /** Whether the cookie a browser sent is the one given to the browser that opened the sign-in. */
  static boolean matches(String sentValue, String keptHash) {
    return sentValue != null && keptHash != null && MessageDigest.isEqual(
        sha256(sentValue).getBytes(StandardCharsets.US_ASCII), keptHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** 256 random bits, URL-safe: states, tickets and cookie values. */
  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BrowserBinding[cookieName=" + cookieName + ", cookieValue=[REDACTED]]";
  }
}
