package dev.outlookflow.runtime.api;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The small pages a browser sees at the end of a sign-in or an approval. */
final class SignInPages {
  private SignInPages() {}

  /** A page with a title and a sentence, and the admin-consent link to forward when approval is missing. */
  static void send(RoutingContext ctx, int status, String title, String message, Optional<String> adminConsentLink) {
    String link = adminConsentLink.map(url -> "<p>Forward this link to an administrator of your organisation; "
        + "opening it lets them approve the app for everyone: <a id=\"admin-consent\" href=\"" + escape(url) + "\">"
        + escape(url) + "</a></p>").orElse("");
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "default-src 'none'")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Referrer-Policy", "no-referrer")
        .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
            + "</title></head><body><h1>" + escape(title) + "</h1><p id=\"message\">" + escape(message) + "</p>"
            + link + "</body></html>");
  }

  private static String escape(String text) {
    return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
