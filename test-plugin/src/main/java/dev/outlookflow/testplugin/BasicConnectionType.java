package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionTestResult;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.connection.ConnectionTypeDescriptor;
import dev.outlookflow.plugin.api.connection.Credentials;
import dev.outlookflow.plugin.api.connection.SignInContext;
import dev.outlookflow.plugin.api.connection.SignInStart;
import dev.outlookflow.uischema.form.ChoiceLabel;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * A connection with an API key or a pretend interactive sign-in: the key {@code good} works, any
 * other fails; the sign-in accepts the code {@code good-code}.
 */
@Extension
public class BasicConnectionType implements ConnectionType<BasicConnectionType.Properties> {
  private static final ConnectionTypeDescriptor<Properties> DESCRIPTOR = new ConnectionTypeDescriptor<>("basic",
      "Basic test connection", "An API key or a pretend sign-in, for the runtime's tests", Properties.class);

  public enum Mode {
    @ChoiceLabel("API key")
    API_KEY,
    @ChoiceLabel("Sign in")
    SIGN_IN
  }

  public record Properties(
      @FormField(label = "Mode", required = true, defaultValue = "api_key") Mode mode,
      @FormField(label = "API key", type = FieldType.SECRET, required = true,
          visibleWhen = "mode=api_key")
          String apiKey,
      @FormField(label = "Account", help = "Shown in option labels") String account) {}

  @Override
  public ConnectionTypeDescriptor<Properties> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public boolean needsInteractiveSignIn(Properties properties) {
    return properties.mode() == Mode.SIGN_IN;
  }

  @Override
  public Future<SignInStart> beginSignIn(SignInContext context) {
    String verifier = UUID.randomUUID().toString();
    String url = context.environment().publicUrl() + "/fake-idp/authorize?state=" + context.state()
        + "&redirect_uri=" + context.callbackUrl();
    return Future.succeededFuture(new SignInStart(url, Map.of("verifier", verifier)));
  }

  @Override
  public Future<Void> completeSignIn(
      SignInContext context, Map<String, String> parameters, Map<String, String> pending) {
    ConnectionHandle connection = context.connection();
    if (!"good-code".equals(parameters.get("code"))) {
      return connection
          .updateStatus(ConnectionStatus.NEEDS_RECONNECT, "the sign-in was refused")
          .compose(v -> Future.failedFuture(
              new ExtensionException("sign_in_refused", "the code was not accepted")));
    }
    Buffer token = Buffer.buffer("token-for-" + pending.get("verifier"));
    return connection.blobs().put("token", token)
        .compose(v -> connection.updateStatus(ConnectionStatus.CONNECTED, "signed in"));
  }

  /** Also tells whether a trigger cleaned up with this connection's credentials (see WatchTrigger). */
  @Override
  public Future<ConnectionTestResult> test(ConnectionHandle connection) {
    return connection.blobs().get(WatchTrigger.PROOF).compose(proof -> {
      String cleanup = proof.map(p -> "; a trigger " + p).orElse("");
      return credentials(connection)
          .map(c -> ConnectionTestResult.ok("the key works" + cleanup))
          .otherwise(e -> ConnectionTestResult.failed(e.getMessage() + cleanup));
    });
  }

  @Override
  public Future<Credentials> credentials(ConnectionHandle connection) {
    Properties properties = connection.properties(Properties.class);
    if (properties.mode() == Mode.SIGN_IN) {
      return connection.blobs().get("token").compose(token -> token
          .map(t -> Future.succeededFuture(bearer(t.toString())))
          .orElseGet(() -> Future.failedFuture(
              new ExtensionException("not_signed_in", "sign in to this connection first"))));
    }
    String key = properties.apiKey();
    if (!"good".equals(key)) {
      return Future.failedFuture(new ExtensionException("bad_key", "the API key was refused"));
    }
    return Future.succeededFuture(bearer(key));
  }

  private static Credentials bearer(String token) {
    return new Credentials("Bearer", token, null, null);
  }

  @Override
  public Future<Void> disconnect(ConnectionHandle connection) {
    return connection.blobs().delete("token");
  }
}
