package dev.outlookflow.outlook.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A folder's subtree as the sandbox's Graph lists it: breadth first, by path, within its bounds. */
class FolderTreeTest {
  private RunningSandbox sandbox;
  private String token;
  private final List<String> requests = new ArrayList<>();
  private final FolderTree.Pages pages = new FolderTree.Pages() {
    @Override
    public Future<JsonObject> first(String path) {
      return get("/v1.0/users/" + DemoSeed.USER + path);
    }

    @Override
    public Future<JsonObject> next(String nextLink) {
      return get(nextLink.substring(sandbox.baseUrl().length()));
    }
  };

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    token = MailUsers.of(sandbox).app;
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  @Test
  void listsTheSubtreeBreadthFirstByPathAskingOnlyFoldersThatHaveSubfolders() throws Exception {
    String projects = folder("Projects", "inbox");
    folder("Receipts", "inbox");
    String alpha = folder("Alpha", projects);
    folder("Drafts of Alpha", alpha);

    FolderTree.Scan scan = below("inbox", 200, 10);

    assertThat(scan.folders()).extracting(FolderTree.Node::path).containsExactly("Inbox / Projects",
        "Inbox / Receipts", "Inbox / Projects / Alpha", "Inbox / Projects / Alpha / Drafts of Alpha");
    assertThat(scan.folders().get(2).name()).isEqualTo("Alpha");
    assertThat(scan.folders().get(2).id()).isEqualTo(alpha);
    assertThat(scan.cut()).isNull();
    assertThat(requests).as("Inbox, Projects and Alpha have subfolders; Receipts and Drafts of Alpha none")
        .hasSize(3);
  }

  @Test
  void takesAtMostTheBoundOfFoldersAndSaysSo() throws Exception {
    for (int i = 1; i <= 5; i++) {
      folder("Child " + i, "inbox");
    }

    FolderTree.Scan scan = below("inbox", 3, 10);

    assertThat(scan.folders()).extracting(FolderTree.Node::name).containsExactly("Child 1", "Child 2", "Child 3");
    assertThat(scan.cut()).isEqualTo("over 3 folders: only the first 3 are taken");
  }

  @Test
  void goesNoDeeperThanTheBoundAndSaysBelowWhich() throws Exception {
    String parent = "inbox";
    for (String name : List.of("A", "B", "C", "D")) {
      parent = folder(name, parent);
    }

    FolderTree.Scan scan = below("inbox", 200, 2);

    assertThat(scan.folders()).extracting(FolderTree.Node::path).containsExactly("Inbox / A", "Inbox / A / B");
    assertThat(scan.cut()).isEqualTo("folders more than 2 levels down (below Inbox / A / B) are left out");
    assertThat(requests).as("B's children are not asked for").hasSize(2);
  }

  @Test
  void followsTheNextPagesOfAFolderWithOverAHundredChildren() throws Exception {
    for (int i = 1; i <= 105; i++) {
      folder(String.format("Child %03d", i), "inbox");
    }

    FolderTree.Scan scan = below("inbox", 200, 10);

    assertThat(scan.folders()).hasSize(105);
    assertThat(scan.folders().get(104).name()).isEqualTo("Child 105");
    assertThat(scan.cut()).isNull();
    assertThat(requests).hasSize(2);
  }

  private FolderTree.Scan below(String folder, int maxFolders, int maxDepth) throws Exception {
    JsonObject root = get("/v1.0/users/" + DemoSeed.USER + "/mailFolders/" + folder).result();
    requests.clear();
    return FolderTree.below(pages, root.getString("id"), root.getString("displayName"), maxFolders, maxDepth)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private String folder(String name, String parent) throws Exception {
    Http.Answer created = sandbox.control("/mailboxes/" + DemoSeed.USER + "/folders",
        new JsonObject().put("displayName", name).put("parent", parent));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  private Future<JsonObject> get(String path) {
    requests.add(path);
    try {
      Http.Answer answer = sandbox.get(path, token);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return Future.succeededFuture(answer.json());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
