package dev.outlookflow.outlook.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryOptionsTest {
  @Test
  void propertyNamesAreCheckedAgainstGraphsMetadata() {
    assertThat(QueryOptions.check(new JsonObject().put("select", "subject, from,subjekt")
        .put("orderBy", "receivedDateTime desc, from/emailAddress/address asc, sideways up"), QueryOptions.MESSAGE))
        .extracting(FieldError::field).containsExactly("select", "orderBy");
    assertThat(QueryOptions.check(new JsonObject().put("select", "{{trigger.fields}}"), QueryOptions.MESSAGE)).isEmpty();
    assertThatThrownBy(() -> QueryOptions.of(new JsonObject().put("select", "displayName"), QueryOptions.MESSAGE))
        .isInstanceOf(ExtensionException.class).hasMessageStartingWith("'select': 'displayName' is not a property");
  }

  @Test
  void optionsAreEncodedInOrderAndEmptyOnesLeftOut() {
    QueryOptions query = QueryOptions.of(new JsonObject().put("top", 10).put("select", "subject")
        .put("filter", "isRead eq false and importance eq 'high'").put("orderBy", " "), QueryOptions.MESSAGE);
    assertThat(query.queryString()).isEqualTo("?$top=10&$select=subject&$filter=isRead%20eq%20false%20and%20"
        + "importance%20eq%20%27high%27");
  }

  @Test
  void graphsRefusalOfAFilterQuotesIt() {
    QueryOptions query = QueryOptions.of(new JsonObject().put("filter", "isRead eq maybe"), QueryOptions.MESSAGE);
    Throwable explained = query.explain(new GraphException(400, "BadRequest", List.of(),
        "Invalid filter clause: isRead eq maybe", "req-1"));
    assertThat(explained).isInstanceOf(ExtensionException.class)
        .hasMessageStartingWith("Microsoft Graph refused the filter 'isRead eq maybe': Invalid filter clause");
    assertThat(((ExtensionException) explained).upstreamRequestId()).isEqualTo("req-1");
  }
}
