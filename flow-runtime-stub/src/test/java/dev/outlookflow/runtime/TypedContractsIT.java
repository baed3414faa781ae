package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.TestPlugins;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions declare what they produce: the catalog publishes it beside their forms, and a flow whose
 * expression names a path its producer does not have is refused when saved, naming the paths there are.
 */
class TypedContractsIT {
  @TempDir Path temp;
  private InProcessRuntime runtime;
  private ApiClient api;
  private String connection;

  @BeforeEach
  void start() throws Exception {
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    Files.copy(OutlookRuntime.pluginZip(), plugins.resolve("outlook.zip"));
    runtime = InProcessRuntime.start(RuntimeConfig.local(temp.resolve("data"), plugins, Clock.systemUTC())
        .withSandbox(new SandboxChoice.Embedded()));
    api = runtime.api();
    connection = new OutlookTenant(api, runtime.runtime().sandboxUrl().orElseThrow())
        .appOnlyConnection(DemoSeed.USER);
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
  }

  private JsonObject catalogEntry(String kind, String id) {
    return api.get("/api/v1/catalog").json().getJsonArray(kind).stream().map(JsonObject.class::cast)
        .filter(e -> id.equals(e.getString("id"))).findFirst().orElseThrow();
  }

  private static List<String> propertyNames(JsonObject schema) {
    return new ArrayList<>(schema.getJsonObject("properties").fieldNames());
  }

  private static JsonObject sendStep() {
    return new JsonObject().put("id", "send").put("type", "outlook/send-email").put("properties", new JsonObject()
        .put("connection", "CONNECTION").put("to", new JsonArray().add("megan@contoso.com")).put("subject", "Hi"));
  }

  private ApiClient.Answer saveFlow(JsonObject trigger, JsonObject... steps) {
    JsonArray list = new JsonArray();
    for (JsonObject step : steps) {
      list.add(new JsonObject(step.encode().replace("CONNECTION", connection)));
    }
    return api.post("/api/v1/flows", new JsonObject().put("name", "Typed").put("trigger", trigger).put("steps", list));
  }

  private static JsonObject echo(String id, String message) {
    return new JsonObject().put("id", id).put("type", "test/echo")
        .put("properties", new JsonObject().put("message", message));
  }

  private static JsonObject manual() {
    return new JsonObject().put("type", "manual");
  }

  @Test
  void everyActionAndTriggerPublishesItsOutputBesideItsFormAndConnectionTypesNone() {
    JsonObject catalog = api.get("/api/v1/catalog").json();
    for (String kind : List.of("actions", "triggers")) {
      for (Object item : catalog.getJsonArray(kind)) {
        JsonObject entry = (JsonObject) item;
        assertThat(entry.getJsonObject("output")).as(kind + " " + entry.getString("id")).isNotNull();
        assertThat(entry.getJsonObject("output").getString("type")).isEqualTo("object");
      }
    }
    assertThat(catalog.getJsonArray("actions").size()).isGreaterThanOrEqualTo(9);
    catalog.getJsonArray("connectionTypes").forEach(entry -> assertThat(((JsonObject) entry).containsKey("output"))
        .isFalse());
  }

  @Test
  void theSendActionsOutputListsWhatASentMailTellsAndNothingElse() {
    JsonObject output = catalogEntry("actions", "outlook/send-email").getJsonObject("output");

    assertThat(propertyNames(output)).containsExactly("messageId", "internetMessageId", "from", "sender", "to", "cc",
        "bcc", "replyTo", "subject", "sentDateTime", "size", "attachmentCount", "sentItemsMailbox");
    assertThat(output.getBoolean("additionalProperties")).isFalse();
    assertThat(output.getJsonObject("properties").getJsonObject("messageId").getString("description")).isNotBlank();
  }

  @Test
  void theBuiltInTriggersDeclareTheirEvents() {
    assertThat(propertyNames(catalogEntry("triggers", "schedule").getJsonObject("output")))
        .containsExactly("scheduledFor", "firedAt", "missedTicks");
    assertThat(catalogEntry("triggers", "manual").getJsonObject("output").containsKey("properties"))
        .as("the manual trigger's event is whatever its caller posts").isFalse();
  }

  @Test
  void aFlowNamingAnOutputItsStepDoesNotHaveIsRefusedAtSaveNamingTheRealOutputs() {
    ApiClient.Answer refused = saveFlow(manual(), sendStep(), echo("note", "Sent {{steps.send.mesageId}}"));

    assertThat(refused.status()).isEqualTo(400);
    JsonObject field = refused.json().getJsonArray("fields").getJsonObject(0);
    assertThat(field.getString("field")).isEqualTo("steps[1].properties.message");
    assertThat(field.getString("message")).contains("steps.send has no output 'mesageId'; it has: messageId, "
        + "internetMessageId, from, sender, to, cc, bcc, replyTo, subject, sentDateTime, size, attachmentCount, "
        + "sentItemsMailbox");
    assertThat(saveFlow(manual(), sendStep(), echo("note", "Sent {{steps.send.messageId}} to {{steps.send.to[0]}}"))
        .status()).isEqualTo(201);
  }

  @Test
  void pathsDeeperThanAValueHasAreRefusedAndPathsIntoFreeFormPartsAccepted() {
    ApiClient.Answer refused = saveFlow(manual(), sendStep(), echo("note", "{{steps.send.size.bytes}}"));
    assertThat(refused.json().getJsonArray("fields").getJsonObject(0).getString("message"))
        .contains("steps.send.size is an integer, so it has no 'bytes'");

    assertThat(saveFlow(manual(), echo("first", "x"), echo("second", "{{steps.first.tags.any-header}}")).status())
        .as("a map's keys are the run's to know").isEqualTo(201);
    assertThat(saveFlow(manual(), echo("first", "{{trigger.whatever.the[2].caller.posts}}")).status())
        .as("the manual trigger's event is free-form").isEqualTo(201);
  }

  @Test
  void aValueTheSchemaAllowsButTheRecordCannotHoldIsRefusedAtSaveNamingTheField() {
    JsonObject counter = new JsonObject().put("type", "test/counter")
        .put("properties", new JsonObject().put("limit", 3_000_000_000L));

    ApiClient.Answer refused = saveFlow(counter, echo("tick", "{{trigger.n}}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("fields").getJsonObject(0).getString("field"))
        .isEqualTo("trigger.properties.limit");
  }

  @Test
  void triggerPathsAreCheckedAgainstTheTriggersEvent() {
    JsonObject schedule = new JsonObject().put("type", "schedule")
        .put("properties", new JsonObject().put("mode", "interval").put("everySeconds", 60));

    ApiClient.Answer refused = saveFlow(schedule, echo("tick", "{{trigger.scheduled}}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("fields").getJsonObject(0).getString("message"))
        .contains("trigger has no output 'scheduled'; it has: scheduledFor, firedAt, missedTicks");
    assertThat(saveFlow(schedule, echo("tick", "{{trigger.scheduledFor}} ({{trigger.missedTicks}} missed)")).status())
        .isEqualTo(201);
  }
}
