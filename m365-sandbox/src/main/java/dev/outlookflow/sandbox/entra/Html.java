package dev.outlookflow.sandbox.entra;

import java.util.Map;

/** The sandbox's sign-in pages: plain HTML forms, every value escaped. */
final class Html {
  private Html() {}

  static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }

  static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title><style>body{font-family:sans-serif;max-width:28em;margin:4em auto}label,input,button{display:block;"
        + "margin:.5em 0}.error{color:#a80000}.banner{background:#fff4ce;padding:.5em}</style></head><body>"
        + "<p class=\"banner\">m365-sandbox: a stand-in for Microsoft Entra ID, not Microsoft</p><h1>"
        + escape(title) + "</h1>" + body + "</body></html>";
  }

  static String hidden(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach((name, value) -> out.append("<input type=\"hidden\" name=\"").append(escape(name))
        .append("\" value=\"").append(escape(value)).append("\">"));
    return out.toString();
  }

  /** What Entra answers for {@code response_mode=form_post}: a form the browser posts to the app. */
  static String formPost(String redirectUri, Map<String, String> fields) {
    return "<!doctype html><html><head><title>Working...</title></head><body onload=\"document.forms[0].submit()\">"
        + "<form method=\"POST\" name=\"hiddenform\" action=\"" + escape(redirectUri) + "\">" + hidden(fields)
        + "<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\">"
        + "</noscript></form></body></html>";
  }
}
