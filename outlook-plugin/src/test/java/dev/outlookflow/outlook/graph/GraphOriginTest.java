package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URLs count as a connection's Graph, the only place its token goes. */
class GraphOriginTest {
  private static final GraphOrigin GLOBAL = GraphOrigin.ofBase("https://graph.microsoft.com/v1.0");
  private static final GraphOrigin SANDBOX = GraphOrigin.ofBase("http://127.0.0.1:8081/v1.0");

  @Test
  void aLinkAtGraphsSchemeHostAndPortIsGraphWhateverItsPathAndQuery() {
    assertThat(GLOBAL.holds("https://graph.microsoft.com/v1.0/me/messages?$skiptoken=abc")).isTrue();
    assertThat(GLOBAL.holds("https://graph.microsoft.com")).isTrue();
    assertThat(SANDBOX.holds("http://127.0.0.1:8081/v1.0/users/adele%40contoso.com/messages?%24skip=10")).isTrue();
  }

  @Test
  void aDefaultPortWrittenOutIsTheSameOrigin() {
    assertThat(GLOBAL.holds("https://graph.microsoft.com:443/v1.0/me")).isTrue();
    assertThat(GraphOrigin.ofBase("https://graph.microsoft.com:443/v1.0")).isEqualTo(GLOBAL);
    assertThat(GraphOrigin.ofBase("http://127.0.0.1/v1.0").holds("http://127.0.0.1:80/v1.0/me")).isTrue();
  }

  @Test
  void hostNamesAndSchemesCompareInAnyCase() {
    assertThat(GLOBAL.holds("https://GRAPH.Microsoft.com/v1.0/me")).isTrue();
    assertThat(GLOBAL.holds("HTTPS://graph.microsoft.com/v1.0/me")).isTrue();
    assertThat(GraphOrigin.ofBase("https://Graph.Microsoft.com/v1.0")).isEqualTo(GLOBAL);
  }

  @Test
  void anotherPortIsElsewhere() {
    assertThat(SANDBOX.holds("http://127.0.0.1:8082/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://graph.microsoft.com:8443/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://graph.microsoft.com:80/v1.0/me")).isFalse();
  }

  @Test
  void anotherHostNameIsElsewhereEvenWhenItIsTheSameMachineOrContainsGraphsName() {
    assertThat(SANDBOX.holds("http://127.0.0.2:8081/v1.0/me")).isFalse();
    assertThat(SANDBOX.holds("http://localhost:8081/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://graph.microsoft.com.evil.example/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://evil.example/graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://graph.microsoft.us/v1.0/me")).as("another cloud's Graph").isFalse();
  }

  @Test
  void anotherSchemeIsElsewhere() {
    assertThat(GLOBAL.holds("http://graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("http://graph.microsoft.com:443/v1.0/me")).as("plain http on https's port").isFalse();
    assertThat(SANDBOX.holds("https://127.0.0.1:8081/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("wss://graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("ftp://graph.microsoft.com/v1.0/me")).isFalse();
  }

  @Test
  void userInfoAndOtherDisguisesAreNeverGraph() {
    assertThat(GLOBAL.holds("https://graph.microsoft.com@evil.example/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://graph.microsoft.com:443@evil.example/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://evil.example#@graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://evil.example?@graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://evil.example\\@graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("https://someone:secret@graph.microsoft.com/v1.0/me"))
        .as("Graph's links carry no user info, even for Graph's own host").isFalse();
  }

  @Test
  void onlyAbsoluteHttpUrlsCanBeGraph() {
    assertThat(GLOBAL.holds(null)).isFalse();
    assertThat(GLOBAL.holds("")).isFalse();
    assertThat(GLOBAL.holds("/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("//graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("graph.microsoft.com/v1.0/me")).isFalse();
    assertThat(GLOBAL.holds("javascript:alert(1)")).isFalse();
  }

  @Test
  void sentencesNameAnOriginOnlyNeverUserInfoPathOrQuery() {
    assertThat(GraphOrigin.nameOf("https://graph.microsoft.com@evil.example:8443/v1.0/me?$skiptoken=secret"))
        .isEqualTo("https://evil.example:8443");
    assertThat(GraphOrigin.nameOf("HTTPS://Evil.Example:443/v1.0/me")).isEqualTo("https://evil.example");
    assertThat(GraphOrigin.nameOf("http://127.0.0.2:8081/_upload/1?authtoken=secret")).isEqualTo("http://127.0.0.2:8081");
    assertThat(GraphOrigin.nameOf("https://evil.example\\@graph.microsoft.com/"))
        .isEqualTo("an address that is not an http(s) URL");
    assertThat(GLOBAL).hasToString("https://graph.microsoft.com");
    assertThat(SANDBOX).hasToString("http://127.0.0.1:8081");
  }

  @Test
  void uploadUrlsMustBeHttpsExceptAtTheSandboxsOwnGraph() {
    assertThat(GLOBAL.admitsUpload("https://outlook.office.com/api/v2.0/users('a')/messages('b')/AttachmentSessions"
        + "('c')?authtoken=abc")).isTrue();
    assertThat(GLOBAL.admitsUpload("http://outlook.office.com/api/v2.0/AttachmentSessions('c')?authtoken=abc")).isFalse();
    assertThat(GLOBAL.admitsUpload("https://someone@outlook.office.com/api/v2.0/AttachmentSessions('c')")).isFalse();
    assertThat(SANDBOX.admitsUpload("http://127.0.0.1:8081/_upload/1?authtoken=abc")).isTrue();
    assertThat(SANDBOX.admitsUpload("http://127.0.0.1:8082/_upload/1?authtoken=abc")).isFalse();
    assertThat(SANDBOX.admitsUpload("http://localhost:8081/_upload/1?authtoken=abc")).isFalse();
    assertThat(GLOBAL.admitsUpload("not a url")).isFalse();
  }
}
