package dev.outlookflow.outlook.auth;

import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an Entra refusal means for the connection, in a sentence an admin can act on. */
public final class EntraErrors {
  private static final Pattern CODE = Pattern.compile("AADSTS(\\d+)");

  /** The connection's new status and why. */
  public record Meaning(ConnectionStatus status, String code, String sentence) {}

  private EntraErrors() {}

  public static Meaning of(String error, String description) {
    String text = description == null ? "" : description;
    Matcher m = CODE.matcher(text);
    String code = m.find() ? m.group(1) : "";
    if ("consent_required".equals(error) || code.equals("65001") || code.equals("90094") || code.equals("90095")) {
      return new Meaning(ConnectionStatus.ADMIN_CONSENT_REQUIRED, "admin_consent_required",
          "An administrator of the tenant must approve this app's permissions once for the whole organisation "
              + "(forward them the connection's admin-consent link, its actionUrl); then everyone can sign in.");
    }
    return switch (code) {
      case "50173", "70008", "70043", "50076" -> reconnect(code,
          "Your sign-in was revoked or has expired (AADSTS" + code + "): sign in again.");
      case "700082" -> reconnect(code, "The connection was unused for 90 days and its sign-in expired: sign in again.");
      case "7000215" -> reconnect(code, "The client secret is wrong: paste the secret's value (not its ID) from the app "
          + "registration's Certificates & secrets.");
      case "7000222" -> reconnect(code, "The client secret has expired: create a new one in the app registration and "
          + "update the connection.");
      case "700016" -> reconnect(code, "The app registration was not found in this tenant: check the tenant and "
          + "client IDs, or have an administrator add the app to the tenant.");
      case "50020" -> reconnect(code, "The account that signed in is not a member of this tenant: sign in with an "
          + "account of the organisation.");
      case "90002" -> reconnect(code, "The tenant was not found: check the tenant ID and the cloud.");
      default -> new Meaning(ConnectionStatus.ERROR, "sign_in_failed",
          "Microsoft Entra refused the request" + (code.isEmpty() ? "" : " (AADSTS" + code + ")") + ": "
              + firstLine(text));
    };
  }

  private static Meaning reconnect(String code, String sentence) {
    return new Meaning(ConnectionStatus.NEEDS_RECONNECT, "needs_reconnect", sentence);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
