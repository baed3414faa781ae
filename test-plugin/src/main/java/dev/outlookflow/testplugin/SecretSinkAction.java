package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

/** Takes a secret and a large value, answers only their sizes: for run-record hygiene tests. */
@Extension
public class SecretSinkAction implements Action {
  private static final Form FORM = Form.of(Properties.class);

  public record Properties(
      @FormField(label = "Token", type = FieldType.SECRET, required = true, expressions = true) String token,
      @FormField(label = "Attachment (base64)", type = FieldType.MULTILINE, expressions = true) String attachment) {}

  @Override
  public String id() {
    return "secret-sink";
  }

  @Override
  public String name() {
    return "Secret sink";
  }

  @Override
  public String description() {
    return "Uses a secret and an attachment, answers their sizes";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public boolean supportsRecovery() {
    return true;
  }

  @Override
  public Future<JsonObject> execute(ActionContext context, JsonObject properties) {
    return Future.succeededFuture(new JsonObject()
        .put("tokenLength", properties.getString("token").length())
        .put("attachmentLength", properties.getString("attachment", "").length()));
  }
}
