package dev.outlookflow.outlook.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A mailbox a request goes to: the signed-in user's own ({@code /me}) or one named by address. */
public record Mailbox(String address) {
  /** The signed-in user's own mailbox. */
  public static final Mailbox ME = new Mailbox(null);

  public static Mailbox of(String address) {
    return address == null || address.isBlank() ? ME : new Mailbox(address.trim());
  }

  public boolean isMe() {
    return address == null;
  }

  /** Graph's path prefix for the mailbox. */
  public String path() {
    return isMe() ? "/me" : "/users/" + URLEncoder.encode(address, StandardCharsets.UTF_8);
  }

  /** How sentences name it. */
  public String describe() {
    return isMe() ? "your own mailbox" : address;
  }

  public boolean is(String other) {
    return address != null && other != null && address.toLowerCase(Locale.ROOT).equals(other.trim().toLowerCase(Locale.ROOT));
  }
}
