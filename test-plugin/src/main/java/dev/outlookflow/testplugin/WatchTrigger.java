package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.NoProperties;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.pf4j.Extension;

/**
 * Pretends to hold a remote subscription made with its connection: its {@code delete} needs working
 * credentials, and leaves proof in the connection's blobs that it ran with them.
 */
@Extension
public class WatchTrigger implements Trigger<WatchTrigger.Properties, NoProperties> {
  static final String PROOF = "cleanup-proof";
  private static final TriggerDescriptor<Properties, NoProperties> DESCRIPTOR = new TriggerDescriptor<>("watch",
      "Watch", "Holds a pretend remote subscription made with its connection", Properties.class, NoProperties.class);

  public record Properties(
      @FormField(label = "Connection", type = FieldType.CONNECTION, connectionType = "test/basic", required = true)
          String connection) {}

  @Override
  public TriggerDescriptor<Properties, NoProperties> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<NoProperties> context, Properties properties) {
    return Future.succeededFuture(reason -> Future.succeededFuture());
  }

  @Override
  public Future<Void> delete(TriggerContext<NoProperties> context, Properties properties) {
    var connection = context.connection().orElseThrow(() ->
        new ExtensionException("no_connection", "the watch trigger needs its connection to clean up"));
    return connection.credentials().compose(credentials ->
        connection.blobs().put(PROOF, Buffer.buffer("cleaned up with " + credentials.scheme())));
  }
}
