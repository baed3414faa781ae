package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** Graph's error bodies in each shape they come in: the message is never lost. */
class GraphErrorsTest {
  private static GraphException of(int status, String body) {
    return GraphErrors.of(status, Buffer.buffer(body), null, null);
  }

  @Test
  void theDocumentedShapeGivesCodeMessageInnerCodesAndRequestId() {
    GraphException error = of(403, "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied.\","
        + "\"innerError\":{\"code\":\"inner\",\"request-id\":\"r-1\",\"innererror\":{\"code\":\"deeper\"}}}}");

    assertThat(error.graphCode()).isEqualTo("ErrorAccessDenied");
    assertThat(error.graphMessage()).isEqualTo("Access is denied.");
    assertThat(error.innerCodes()).containsExactly("inner", "deeper");
    assertThat(error.upstreamRequestId()).isEqualTo("r-1");
  }

  @Test
  void codeAndMessageAtTheTopLevel() {
    GraphException error = of(404, "{\"code\":\"ResourceNotFound\",\"message\":\"Resource could not be discovered.\"}");

    assertThat(error.graphCode()).isEqualTo("ResourceNotFound");
    assertThat(error.graphMessage()).isEqualTo("Resource could not be discovered.");
  }

  @Test
  void anErrorWithoutInnerError() {
    GraphException error = of(404, "{\"error\":{\"code\":\"MailboxNotEnabledForRESTAPI\",\"message\":\"The mailbox "
        + "is either inactive, soft-deleted, or is hosted on-premise.\"}}");

    assertThat(error.graphCode()).isEqualTo("MailboxNotEnabledForRESTAPI");
    assertThat(error.graphMessage()).startsWith("The mailbox is either inactive");
    assertThat(error.innerCodes()).isEmpty();
  }

  @Test
  void anErrorAsAPlainStringIsTheMessageOrWithADescriptionTheCode() {
    assertThat(of(400, "{\"error\":\"The request is malformed.\"}").graphMessage())
        .isEqualTo("The request is malformed.");
    GraphException oauth = of(401, "{\"error\":\"invalid_token\",\"error_description\":\"The token expired.\"}");
    assertThat(oauth.graphCode()).isEqualTo("invalid_token");
    assertThat(oauth.graphMessage()).isEqualTo("The token expired.");
  }

  @Test
  void odataLocalizedMessagesAndBodiesThatAreNotJson() {
    assertThat(of(400, "{\"error\":{\"code\":\"x\",\"message\":{\"lang\":\"en-US\",\"value\":\"Bad filter.\"}}}")
        .graphMessage()).isEqualTo("Bad filter.");
    assertThat(of(502, "<html><body>Bad Gateway</body></html>").graphMessage())
        .isEqualTo("<html><body>Bad Gateway</body></html>");
    assertThat(of(500, "").graphMessage()).isEqualTo("(its answer had no body)");
    assertThat(of(500, "{\"error\":{}}").graphMessage()).isEqualTo("{\"error\":{}}");
  }

  @Test
  void aHugeBodyIsReadOnlyAsFarAsNeededAndTheMessageIsBounded() {
    GraphException error = of(502, "x".repeat(10 * 1024 * 1024));

    assertThat(error.graphMessage()).hasSize(GraphErrors.MAX_MESSAGE_CHARACTERS + 1).endsWith("…");
  }
}
