package dev.outlookflow.outlook.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.outlookflow.uischema.binding.RecordBinding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudTest {

  @ParameterizedTest
  @CsvSource({
      "global, https://login.microsoftonline.com/t/, https://login.microsoftonline.com, https://graph.microsoft.com/v1.0, https://graph.microsoft.com/Mail.Send",
      "us_gov_gcc_high, https://login.microsoftonline.us/t/, https://login.microsoftonline.us, https://graph.microsoft.us/v1.0, https://graph.microsoft.us/Mail.Send",
      "us_gov_dod, https://login.microsoftonline.us/t/, https://login.microsoftonline.us, https://dod-graph.microsoft.us/v1.0, https://dod-graph.microsoft.us/Mail.Send",
      "china, https://login.chinacloudapi.cn/t/, https://login.partner.microsoftonline.cn, https://microsoftgraph.chinacloudapi.cn/v1.0, https://microsoftgraph.chinacloudapi.cn/Mail.Send",
      "sandbox, https://login.sandbox.test/t/, http://127.0.0.1:8081, http://127.0.0.1:8081/v1.0, https://graph.microsoft.com/Mail.Send"})
  void eachStoredCloudHasItsAuthoritySignInHostGraphAndScopes(String value, String authority, String signIn,
      String graph, String scope) {
    Cloud cloud = RecordBinding.bind(TextNode.valueOf(value), Cloud.class);
    assertThat(cloud.authority("t")).isEqualTo(authority);
    assertThat(cloud.signInBase("http://127.0.0.1:8081")).isEqualTo(signIn);
    assertThat(cloud.graphBaseUrl("http://127.0.0.1:8081")).isEqualTo(graph);
    assertThat(cloud.scope("Mail.Send")).isEqualTo(scope);
    assertThat(cloud.appOnlyScope()).isEqualTo(scope.replace("Mail.Send", ".default"));
  }
}
