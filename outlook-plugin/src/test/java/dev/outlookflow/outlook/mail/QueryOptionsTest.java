package dev.outlookflow.outlook.mail;

import static dev.outlookflow.outlook.PanelValues.bind;
import static dev.outlookflow.outlook.PanelValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.folders.ListFoldersProperties;
import dev.outlookflow.outlook.mail.messages.ListMessagesProperties;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.uischema.validation.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryOptionsTest {
  private static QueryOptions messages(String properties) {
    return QueryOptions.of(bind(ListMessagesProperties.class, properties), QueryOptions.MESSAGE);
  }

  @Test
  void propertyNamesAreCheckedAgainstGraphsMetadataWhenTheFlowIsSaved() {
    assertThat(QueryOptions.check(values("{select: 'subject, from,subjekt', "
        + "orderBy: 'receivedDateTime desc, from/emailAddress/address asc, sideways up'}"), QueryOptions.MESSAGE))
        .extracting(FieldError::field).containsExactly("select", "orderBy");
    assertThat(QueryOptions.check(values("{select: '{{trigger.fields}}'}"), QueryOptions.MESSAGE)).isEmpty();
  }

  @Test
  void andAgainWhenTheStepRunsWithItsValuesResolved() {
    assertThatThrownBy(() -> messages("{select: 'displayName'}"))
        .isInstanceOf(ExtensionException.class).hasMessageStartingWith("'select': 'displayName' is not a property");
    assertThatThrownBy(() -> QueryOptions.of(bind(ListFoldersProperties.class, "{select: 'subject'}"),
        QueryOptions.FOLDER)).hasMessageStartingWith("'select': 'subject' is not a property");
  }

  @Test
  void optionsAreEncodedInOrderAndEmptyOnesLeftOut() {
    QueryOptions query = messages("{top: 10, select: 'subject', filter: \"isRead eq false and importance eq 'high'\", "
        + "orderBy: ' '}");
    assertThat(query.queryString()).isEqualTo("?$top=10&$select=subject&$filter=isRead%20eq%20false%20and%20"
        + "importance%20eq%20%27high%27");
  }

  @Test
  void thePageSizeIsTheFormsDefaultWhenLeftEmpty() {
    assertThat(messages("{}").queryString()).isEqualTo("?$top=25");
    assertThat(QueryOptions.of(bind(ListFoldersProperties.class, "{}"), QueryOptions.FOLDER).queryString())
        .isEqualTo("?$top=100");
  }

  @Test
  void graphsRefusalOfAFilterQuotesIt() {
    QueryOptions query = messages("{filter: 'isRead eq maybe'}");
    Throwable explained = query.explain(new GraphException(400, "BadRequest", List.of(),
        "Invalid filter clause: isRead eq maybe", "req-1"));
    assertThat(explained).isInstanceOf(ExtensionException.class)
        .hasMessageStartingWith("Microsoft Graph refused the filter 'isRead eq maybe': Invalid filter clause");
    assertThat(((ExtensionException) explained).upstreamRequestId()).isEqualTo("req-1");
  }
}
