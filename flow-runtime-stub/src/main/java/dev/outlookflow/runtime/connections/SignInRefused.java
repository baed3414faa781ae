package dev.outlookflow.runtime.connections;

import java.util.Optional;

/**
 * A sign-in or approval that did not complete: the HTTP status of the page that says so, the sentence, and
 * the admin-consent link when an administrator's approval is what is missing.
 */
public final class SignInRefused extends RuntimeException {
  private final int status;
  private final String adminConsentLink;

  SignInRefused(int status, String message, String adminConsentLink) {
    super(message, null, false, false);
    this.status = status;
    this.adminConsentLink = adminConsentLink;
  }

  public int status() {
    return status;
  }

  public Optional<String> adminConsentLink() {
    return Optional.ofNullable(adminConsentLink);
  }
}
