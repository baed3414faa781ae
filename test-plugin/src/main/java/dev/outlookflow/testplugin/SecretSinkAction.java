package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** Takes a secret and a large value, answers only their sizes: for run-record hygiene tests. */
@Extension
public class SecretSinkAction implements Action<SecretSinkAction.Properties, SecretSinkAction.Sizes> {
  private static final ActionDescriptor<Properties, Sizes> DESCRIPTOR = ActionDescriptor.of("secret-sink",
      "Secret sink", "Uses a secret and an attachment, answers their sizes", Properties.class, Sizes.class)
      .recoverable();

  public record Properties(
      @FormField(label = "Token", type = FieldType.SECRET, required = true, expressions = true) String token,
      @FormField(label = "Attachment (base64)", type = FieldType.MULTILINE, expressions = true) String attachment) {}

  public record Sizes(int tokenLength, int attachmentLength) {}

  @Override
  public ActionDescriptor<Properties, Sizes> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<Sizes> execute(ActionContext context, Properties properties) {
    int attachmentLength = properties.attachment() == null ? 0 : properties.attachment().length();
    return Future.succeededFuture(new Sizes(properties.token().length(), attachmentLength));
  }
}
