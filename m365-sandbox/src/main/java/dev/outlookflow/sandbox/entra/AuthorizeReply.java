package dev.outlookflow.sandbox.entra;

/** What {@code /authorize} answers the browser: a page, or a way back to the application. */
public sealed interface AuthorizeReply permits AuthorizeReply.Page, AuthorizeReply.Redirect {

  record Page(int status, String html) implements AuthorizeReply {}

  record Redirect(String location) implements AuthorizeReply {}
}
