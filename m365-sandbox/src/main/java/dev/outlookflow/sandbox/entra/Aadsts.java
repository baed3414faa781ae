package dev.outlookflow.sandbox.entra;

/**
 * The Entra errors the sandbox produces, each with the OAuth {@code error} Entra answers with, its
 * AADSTS code, the {@code suberror} where Entra sends one, and Entra's wording.
 */
public enum Aadsts {
  CONSENT_REQUIRED(65001, "invalid_grant", "consent_required",
      "The user or administrator has not consented to use the application with ID '%s' named '%s'. "
          + "Send an interactive authorization request for this user and resource."),
  ADMIN_CONSENT_REQUIRED(90094, "consent_required", null,
      "Admin consent is required for the permissions requested by this application. An admin consent request "
          + "may be sent to the admin."),
  UNKNOWN_CLIENT(700016, "unauthorized_client", null,
      "Application with identifier '%s' was not found in the directory '%s'. This can happen if the application "
          + "has not been installed by the administrator of the tenant or consented to by any user in the tenant. "
          + "You may have sent your authentication request to the wrong tenant."),
  INVALID_CLIENT_SECRET(7000215, "invalid_client", null,
      "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "
          + "not the client secret ID, for a secret added to app '%s'."),
  CLIENT_SECRET_EXPIRED(7000222, "invalid_client", null,
      "The provided client secret keys for app '%s' are expired. Visit the Azure portal to create new keys for "
          + "your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: "
          + "https://aka.ms/certCreds."),
  REFRESH_TOKEN_INACTIVE(700082, "invalid_grant", null,
      "The refresh token has expired due to inactivity. The token was issued on %s and was inactive for "
          + "90.00:00:00."),
  FRESH_TOKEN_NEEDED(50173, "invalid_grant", null,
      "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have "
          + "changed or reset their password. The grant was issued on '%s' and the TokensValidFrom date (before "
          + "which tokens are not valid) for this user is '%s'."),
  CODE_ALREADY_REDEEMED(54005, "invalid_grant", null, "OAuth2 Authorization code was already redeemed, please retry "
      + "with a new valid code or use an existing refresh token."),
  CODE_VERIFIER_MISMATCH(501481, "invalid_grant", null,
      "The Code_Verifier does not match the code_challenge supplied in the authorization request."),
  REDIRECT_URI_MISMATCH(50011, "invalid_request", null,
      "The redirect URI '%s' specified in the request does not match the redirect URIs configured for the "
          + "application '%s'. Make sure the redirect URI sent in the request matches one added to your application "
          + "in the Azure portal."),
  USER_NOT_IN_TENANT(50020, "invalid_request", null,
      "User account '%s' from identity provider 'live.com' does not exist in tenant '%s' and cannot access the "
          + "application '%s'(%s) in that tenant. The account needs to be added as an external user in the tenant "
          + "first. Sign out and sign in again with a different Azure Active Directory user account."),
  GRANT_NOT_ON_COMMON(9001023, "invalid_request", null,
      "The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or "
          + "tenant-specific endpoint."),
  CODE_EXPIRED(70008, "invalid_grant", null,
      "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive "
          + "authorization request for this user and resource."),
  INVALID_SCOPE(70011, "invalid_scope", null,
      "The provided value for the input parameter 'scope' is not valid. The scope %s is not valid."),
  UNSUPPORTED_GRANT(70003, "unsupported_grant_type", null,
      "The app requested an unsupported grant type '%s'."),
  MISSING_PARAMETER(900144, "invalid_request", null, "The request body must contain the following parameter: '%s'."),
  INVALID_GRANT(9002313, "invalid_grant", null, "Invalid request. Request is malformed or invalid."),
  TENANT_NOT_FOUND(90002, "invalid_request", null,
      "Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct "
          + "cloud."),
  INVALID_PASSWORD(50126, "invalid_grant", null, "Error validating credentials due to invalid username or password.");

  private final int code;
  private final String error;
  private final String suberror;
  private final String description;

  Aadsts(int code, String error, String suberror, String description) {
    this.code = code;
    this.error = error;
    this.suberror = suberror;
    this.description = description;
  }

  public int code() {
    return code;
  }

  public String error() {
    return error;
  }

  public String suberror() {
    return suberror;
  }

  /** {@code AADSTSnnnn: } and the wording with its placeholders filled. */
  public String describe(Object... details) {
    return "AADSTS" + code + ": " + String.format(description, details);
  }
}
