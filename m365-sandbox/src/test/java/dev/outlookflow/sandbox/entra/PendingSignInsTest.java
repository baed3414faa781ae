package dev.outlookflow.sandbox.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Directory;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anyone may open the sign-in page, and each opening is remembered until the sign-in ends: the sign-ins under
 * way are bounded, and one left unfinished is forgotten when its fifteen minutes pass by the sandbox's clock.
 */
class PendingSignInsTest {
  private static final String BASE_PATH = "/" + DemoSeed.TENANT_ID + "/oauth2/v2.0/authorize";
  private static final Pattern FLOW = Pattern.compile("name=\"flow\" value=\"([0-9a-f-]+)\"");

  private SandboxState state;
  private AuthorizeEndpoint authorize;

  @BeforeEach
  void open() {
    // In memory, on a clock that moves only when the test moves it.
    state = SandboxState.open(Optional.empty(), Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
    authorize = new AuthorizeEndpoint(new Directory(DemoSeed.seed(), state), state);
  }

  /** Opens the sign-in page and answers the flow its form carries. */
  private String startSignIn() {
    MultiMap query = MultiMap.caseInsensitiveMultiMap()
        .add("client_id", DemoSeed.RUNTIME_CLIENT_ID)
        .add("response_type", "code")
        .add("redirect_uri", "http://127.0.0.1:50123/oauth/callback")
        .add("scope", "openid offline_access https://graph.microsoft.com/User.Read")
        .add("state", "s1");
    String page = html(authorize.start(DemoSeed.TENANT_ID, query, BASE_PATH));
    Matcher flow = FLOW.matcher(page);
    assertThat(flow.find()).as(page).isTrue();
    return flow.group(1);
  }

  private AuthorizeReply signIn(String flow, String login, String password) {
    return authorize.signIn(MultiMap.caseInsensitiveMultiMap().add("flow", flow).add("login", login)
        .add("password", password), BASE_PATH);
  }

  /** A sign-in still under way tells an unknown user so; a forgotten one says it expired. */
  private boolean underWay(String flow) {
    return !html(signIn(flow, "nobody@" + DemoSeed.DOMAIN, "x")).contains("has expired");
  }

  private static String html(AuthorizeReply reply) {
    return reply instanceof AuthorizeReply.Page page ? page.html() : "";
  }

  @Test
  void ofTenThousandAndFiftySignInsStartedAtMostTenThousandAreStillUnderWay() {
    List<String> flows = new ArrayList<>();
    for (int i = 0; i < 10_050; i++) {
      flows.add(startSignIn());
    }

    long underWay = flows.stream().filter(this::underWay).count();

    assertThat(underWay).isBetween(9_900L, 10_000L);
  }

  @Test
  void aSignInLeftUnfinishedIsForgottenWhenItsFifteenMinutesPassByTheSandboxClock() {
    String first = startSignIn();
    String second = startSignIn();

    state.clock().advance(Duration.ofMinutes(14));
    assertThat(authorize.pendingSignIns()).isEqualTo(2);
    assertThat(underWay(first)).isTrue();

    state.clock().advance(Duration.ofMinutes(1).plusMillis(1));
    assertThat(authorize.pendingSignIns()).as("removed, not only refused").isZero();
    assertThat(underWay(first)).isFalse();
    assertThat(underWay(second)).isFalse();
  }

  @Test
  void signingInDoesNotExtendTheFifteenMinutes() {
    String flow = startSignIn();
    state.clock().advance(Duration.ofMinutes(10));
    assertThat(html(signIn(flow, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD))).as("no consent yet: the consent page")
        .contains("Permissions requested");

    state.clock().advance(Duration.ofMinutes(5).plusMillis(1));

    assertThat(authorize.pendingSignIns()).isZero();
    assertThat(html(authorize.consent(MultiMap.caseInsensitiveMultiMap().add("flow", flow).add("action", "accept"))))
        .contains("has expired");
  }
}
