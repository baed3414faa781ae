package dev.outlookflow.sandbox.counters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A request's path becomes its template from the path alone: ids become placeholders, API words stay. */
class PathTemplateTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/v1.0/users/8f2c1e56-3b7a/mailFolders/inbox/messages/delta, "
          + "/v1.0/users/{user}/mailFolders/{folder}/messages/delta",
      "/v1.0/users/admin@contoso.onmicrosoft.com/messages, /v1.0/users/{user}/messages",
      "/v1.0/users, /v1.0/users",
      "/v1.0/users/b2e4f6a8, /v1.0/users/{user}",
      "/v1.0/me, /v1.0/me",
      "/v1.0/me/sendMail, /v1.0/me/sendMail",
      "/v1.0/me/mailFolders, /v1.0/me/mailFolders",
      "/v1.0/me/mailFolders/AAMkFolder=/childFolders/AAMkChild=/messages, "
          + "/v1.0/me/mailFolders/{folder}/childFolders/{folder}/messages",
      "/v1.0/me/mailFolders/delta, /v1.0/me/mailFolders/delta",
      "/v1.0/me/mailFolders/inbox/messages/delta(), /v1.0/me/mailFolders/{folder}/messages/delta()",
      "/v1.0/me/messages/microsoft.graph.delta(), /v1.0/me/messages/microsoft.graph.delta()",
      "/v1.0/me/messages/$count, /v1.0/me/messages/$count",
      "/v1.0/me/messages/AAMkMsg=/move, /v1.0/me/messages/{message}/move",
      "/v1.0/me/messages/AAMkMsg=/send, /v1.0/me/messages/{message}/send",
      "/v1.0/me/messages/AAMkMsg=/permanentDelete, /v1.0/me/messages/{message}/permanentDelete",
      "/v1.0/me/messages/AAMkMsg=/attachments, /v1.0/me/messages/{message}/attachments",
      "/v1.0/me/messages/AAMkMsg=/attachments/AAMkAtt=, /v1.0/me/messages/{message}/attachments/{attachment}",
      "/v1.0/me/messages/AAMkMsg=/attachments/createUploadSession, "
          + "/v1.0/me/messages/{message}/attachments/createUploadSession",
      "/_upload/AAMkADSess123, /_upload/{session}",
      "/8f2c1e56-3b7a-4d2e-9c1f-5a6b7c8d9e01/oauth2/v2.0/token, /{tenant}/oauth2/v2.0/token",
      "/common/v2.0/.well-known/openid-configuration, /{tenant}/v2.0/.well-known/openid-configuration",
      "/organizations/discovery/v2.0/keys, /{tenant}/discovery/v2.0/keys",
      "/contoso.onmicrosoft.com/adminconsent, /{tenant}/adminconsent",
      "/, /",
  })
  void templates(String path, String template) {
    assertThat(PathTemplate.of(path)).isEqualTo(template);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/v1.0/users/messages/messages/m1, /v1.0/users/{user}/messages/{message}",
      "/v1.0/users/delta, /v1.0/users/delta",
  })
  void aPlaceholderIsOnlyEverTheSegmentAfterACollectionsName(String path, String template) {
    assertThat(PathTemplate.of(path)).isEqualTo(template);
  }
}
