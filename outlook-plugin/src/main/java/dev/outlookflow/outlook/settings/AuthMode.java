package dev.outlookflow.outlook.settings;

import dev.outlookflow.uischema.form.ChoiceLabel;

/** How the connection gets its tokens. */
public enum AuthMode {
  @ChoiceLabel("Sign in with a Microsoft 365 account (delegated)")
  AUTHORIZATION_CODE_PKCE,
  @ChoiceLabel("App-only, with a client secret")
  CLIENT_CREDENTIALS,
  @ChoiceLabel("Paste an access token (expires after about an hour)")
  BEARER_TOKEN
}
