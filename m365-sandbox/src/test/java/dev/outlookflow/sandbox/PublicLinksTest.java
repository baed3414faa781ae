package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links the sandbox answers (the next page, an upload URL, an uploaded attachment) start with the address the
 * client used: behind a TLS proxy, the proxy's.
 */
class PublicLinksTest extends MailTest {
  private static final String[] BEHIND_PROXY = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "graph.example.test"};
  private static final String PROXY = "https://graph.example.test";
  private static final int FILE_BYTES = 3 * 1024 * 1024;

  @BeforeEach
  void twoMessages() throws Exception {
    for (int i = 0; i < 2; i++) {
      sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", MailUsers.mail("Hi " + i,
          DemoSeed.ADMIN));
    }
  }

  private String nextLink(String... headers) throws Exception {
    return sandbox.send("GET", "/v1.0/me/mailFolders/inbox/messages?$top=1", users.megan, null, headers).json()
        .getString("@odata.nextLink");
  }

  @Test
  void theNextPageIsLinkedAtTheSandboxsOwnAddressWhenReachedDirectly() throws Exception {
    assertThat(nextLink()).isEqualTo(sandbox.baseUrl() + "/v1.0/me/mailFolders/inbox/messages?%24top=1&%24skip=1");
  }

  @Test
  void theNextPageIsLinkedAtTheProxysAddressBehindAProxy() throws Exception {
    assertThat(nextLink(BEHIND_PROXY)).isEqualTo(PROXY + "/v1.0/me/mailFolders/inbox/messages?%24top=1&%24skip=1");
  }

  /** The upload URL a new session names, then the attachment's {@code Location} once its one chunk is in. */
  private String[] uploadLinks(String... headers) throws Exception {
    String draft = sandbox.send("POST", "/v1.0/me/messages", users.megan, MailUsers.mail("Big", DemoSeed.USER))
        .json().getString("id");
    String uploadUrl = sandbox.send("POST", "/v1.0/me/messages/" + draft + "/attachments/createUploadSession",
        users.megan, new JsonObject().put("AttachmentItem", new JsonObject().put("attachmentType", "file")
            .put("name", "big.bin").put("size", FILE_BYTES)), headers).json().getString("uploadUrl");
    // The proxy forwards to the sandbox: the chunk goes to the sandbox's own address, with the proxy's headers.
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + URI.create(uploadUrl).getRawPath()
            + "?" + URI.create(uploadUrl).getRawQuery()))
        .header("Content-Range", "bytes 0-" + (FILE_BYTES - 1) + "/" + FILE_BYTES)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[FILE_BYTES]));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      put.header(headers[i], headers[i + 1]);
    }
    HttpResponse<Void> done = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding());
    assertThat(done.statusCode()).isEqualTo(201);
    return new String[] {uploadUrl, done.headers().firstValue("Location").orElseThrow()};
  }

  @Test
  void anUploadIsLinkedAtTheSandboxsOwnAddressWhenReachedDirectly() throws Exception {
    assertThat(uploadLinks()).allSatisfy(link -> assertThat(link).startsWith(sandbox.baseUrl() + "/"));
  }

  @Test
  void anUploadIsLinkedAtTheProxysAddressBehindAProxy() throws Exception {
    String[] links = uploadLinks(BEHIND_PROXY);

    assertThat(links[0]).startsWith(PROXY + "/_upload/");
    assertThat(links[1]).startsWith(PROXY + "/v1.0/users/").contains("/attachments/");
  }
}
