package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.core.models.IProgressCallback;
import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaRequestBuilder;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Microsoft's Graph Java SDK, unmodified, works against the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphSdkTest {
  private RunningSandbox sandbox;
  private GraphServiceClient graph;

  @BeforeAll
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    String token = MailUsers.of(sandbox).megan;
    AccessTokenProvider tokens = new AccessTokenProvider() {
      @Override
      public String getAuthorizationToken(URI uri, Map<String, Object> context) {
        return token;
      }

      @Override
      public AllowedHostsValidator getAllowedHostsValidator() {
        return new AllowedHostsValidator(URI.create(sandbox.baseUrl()).getHost());
      }
    };
    graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
    graph.getRequestAdapter().setBaseUrl(sandbox.baseUrl() + "/v1.0");
  }

  @AfterAll
  void stop() throws Exception {
    sandbox.close();
  }

  private static Message mail(String subject, String to) {
    Message message = new Message();
    message.setSubject(subject);
    ItemBody body = new ItemBody();
    body.setContentType(BodyType.Text);
    body.setContent("Hello from the SDK");
    message.setBody(body);
    Recipient recipient = new Recipient();
    EmailAddress address = new EmailAddress();
    address.setAddress(to);
    recipient.setEmailAddress(address);
    message.setToRecipients(List.of(recipient));
    return message;
  }

  @Test
  void foldersAreListedAndCreated() {
    List<MailFolder> folders = graph.me().mailFolders().get().getValue();
    assertThat(folders).extracting(MailFolder::getDisplayName).contains("Inbox", "Sent Items");

    MailFolder folder = new MailFolder();
    folder.setDisplayName("From the SDK");
    MailFolder created = graph.me().mailFolders().post(folder);
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getTotalItemCount()).isZero();
  }

  @Test
  void sendMailThenListAndGetMessagesWithOData() {
    SendMailPostRequestBody send = new SendMailPostRequestBody();
    send.setMessage(mail("SDK hello", DemoSeed.ADMIN));
    send.setSaveToSentItems(true);
    graph.me().sendMail().post(send);

    MessageCollectionResponse page = graph.me().mailFolders().byMailFolderId("inbox").messages().get(config -> {
      config.queryParameters.top = 5;
      config.queryParameters.select = new String[] {"subject", "receivedDateTime", "isRead"};
      config.queryParameters.orderby = new String[] {"receivedDateTime desc"};
      config.queryParameters.filter = "isRead eq false";
    });
    assertThat(page.getValue()).extracting(Message::getSubject).contains("SDK hello");
    Message one = graph.me().messages().byMessageId(page.getValue().get(0).getId()).get();
    assertThat(one.getBody().getContent()).isEqualTo("Hello from the SDK");
  }

  @Test
  void aDraftWithALargeAttachmentUploadedInSlicesIsSent() throws Exception {
    Message draft = graph.me().messages().post(mail("With a big file", DemoSeed.USER));
    byte[] file = new byte[(int) (3.5 * 1024 * 1024)];
    CreateUploadSessionPostRequestBody request = new CreateUploadSessionPostRequestBody();
    AttachmentItem item = new AttachmentItem();
    item.setAttachmentType(AttachmentType.File);
    item.setName("big.bin");
    item.setSize((long) file.length);
    request.setAttachmentItem(item);
    UploadSession session = graph.me().messages().byMessageId(draft.getId()).attachments().createUploadSession()
        .post(request);

    LargeFileUploadTask<AttachmentItem> upload = new LargeFileUploadTask<>(null, session,
        new ByteArrayInputStream(file), file.length, 2 * 1024 * 1024, AttachmentItem::createFromDiscriminatorValue);
    UploadResult<AttachmentItem> result = upload.upload(3, (IProgressCallback) (current, max) -> { });
    assertThat(result.isUploadSuccessful()).isTrue();

    graph.me().messages().byMessageId(draft.getId()).send().post();
    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", null).json()
        .getJsonArray("value").stream().map(m -> ((io.vertx.core.json.JsonObject) m).getString("subject")))
        .contains("With a big file");
  }

  /** A delta round as the SDK reads one: pages of two, nextLinks followed to the deltaLink. */
  private record SdkRound(List<Message> items, String deltaLink, int pages) {}

  private SdkRound round(DeltaRequestBuilder start) {
    List<Message> items = new ArrayList<>();
    DeltaRequestBuilder request = start;
    for (int pages = 1; pages < 100; pages++) {
      DeltaGetResponse page = request.get(config -> config.headers.add("Prefer", "odata.maxpagesize=2"));
      items.addAll(page.getValue());
      if (page.getOdataDeltaLink() != null) {
        return new SdkRound(items, page.getOdataDeltaLink(), pages);
      }
      request = start.withUrl(page.getOdataNextLink());
    }
    throw new AssertionError("no deltaLink");
  }

  private void deliver(String folderId, String subject) throws Exception {
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/" + folderId + "/messages",
        MailUsers.mail(subject, DemoSeed.ADMIN));
  }

  @Test
  void deltaPagesToADeltaLinkThenShowsNothingThenANewMailThenRemovals() throws Exception {
    MailFolder folder = new MailFolder();
    folder.setDisplayName("Delta from the SDK");
    String folderId = graph.me().mailFolders().post(folder).getId();
    for (int i = 1; i <= 3; i++) {
      deliver(folderId, "Before " + i);
    }
    DeltaRequestBuilder delta = graph.me().mailFolders().byMailFolderId(folderId).messages().delta();

    SdkRound first = round(delta);
    assertThat(first.items()).extracting(Message::getSubject)
        .containsExactlyInAnyOrder("Before 1", "Before 2", "Before 3");
    assertThat(first.pages()).isEqualTo(2);

    SdkRound empty = round(delta.withUrl(first.deltaLink()));
    assertThat(empty.items()).isEmpty();

    deliver(folderId, "New one");
    SdkRound created = round(delta.withUrl(empty.deltaLink()));
    assertThat(created.items()).extracting(Message::getSubject).containsExactly("New one");
    assertThat(created.items().get(0).getReceivedDateTime()).isNotNull();

    String deletedId = first.items().get(0).getId();
    graph.me().messages().byMessageId(deletedId).delete();
    String movedId = first.items().get(1).getId();
    MovePostRequestBody move = new MovePostRequestBody();
    move.setDestinationId("archive");
    graph.me().messages().byMessageId(movedId).move().post(move);

    SdkRound removals = round(delta.withUrl(created.deltaLink()));
    assertThat(removals.items()).extracting(Message::getId).containsExactlyInAnyOrder(deletedId, movedId);
    assertThat(removals.items()).allSatisfy(m -> assertThat(m.getAdditionalData()).containsKey("@removed"));
  }
}
