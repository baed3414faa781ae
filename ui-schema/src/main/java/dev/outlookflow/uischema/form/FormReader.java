package dev.outlookflow.uischema.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the {@link FormField}-annotated components of a record into field definitions. */
final class FormReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double MAX_EXACT_WHOLE = 9_007_199_254_740_991d;

  private FormReader() {}

  static List<FieldDefinition> read(Class<? extends Record> type) {
    List<FieldDefinition> fields = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      FormField annotation = component.getAnnotation(FormField.class);
      if (annotation == null) {
        throw new IllegalArgumentException(
            type.getSimpleName() + "." + component.getName() + " has no @FormField annotation");
      }
      fields.add(definition(type, component, annotation));
    }
    checkConditions(type, fields);
    return List.copyOf(fields);
  }

  private static FieldDefinition definition(
      Class<?> owner, RecordComponent component, FormField field) {
    String where = owner.getSimpleName() + "." + component.getName();
    FieldType fieldType = resolveType(where, component, field.type());
    Class<?> javaType = component.getType();
    boolean integer = isIntegral(javaType);
    return new FieldDefinition(
        component.getName(),
        fieldType,
        field.label(),
        field.group(),
        field.help(),
        field.placeholder(),
        defaultValue(where, fieldType, field.defaultValue()),
        field.required(),
        field.pattern(),
        bound(field.minimum(), -largestWhole(javaType)),
        bound(field.maximum(), largestWhole(javaType)),
        field.minLength() < 0 ? null : field.minLength(),
        field.maxLength() < 0 ? null : field.maxLength(),
        integer,
        field.expressions(),
        VisibilityCondition.parse(field.visibleWhen(), where),
        connectionType(where, fieldType, field.connectionType()),
        List.of(field.dependsOn()),
        choices(fieldType == FieldType.MULTI_SELECT ? (Class<?>) elementType(component) : javaType));
  }

  private static FieldType resolveType(String where, RecordComponent component, FieldType declared) {
    FieldType inferred = infer(component);
    if (declared == FieldType.INFERRED) {
      if (inferred == null) {
        throw new IllegalArgumentException(
            where + ": cannot infer a field type from " + component.getGenericType()
                + "; set @FormField(type = ...)");
      }
      return inferred;
    }
    if (!accepts(declared, component)) {
      throw new IllegalArgumentException(
          where + ": a " + declared + " field cannot be of Java type " + component.getGenericType());
    }
    return declared;
  }

  private static FieldType infer(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class) {
      return FieldType.TEXT;
    }
    if (type == boolean.class || type == Boolean.class) {
      return FieldType.BOOLEAN;
    }
    if (isNumeric(type)) {
      return FieldType.NUMBER;
    }
    if (type.isEnum()) {
      return FieldType.DROPDOWN;
    }
    if (List.class.isAssignableFrom(type) && elementType(component) == Attachment.class) {
      return FieldType.ATTACHMENTS;
    }
    if (List.class.isAssignableFrom(type) && isEnum(elementType(component))) {
      return FieldType.MULTI_SELECT;
    }
    if (Map.class.isAssignableFrom(type)) {
      return FieldType.KEY_VALUE;
    }
    return null;
  }

  private static boolean accepts(FieldType declared, RecordComponent component) {
    Class<?> type = component.getType();
    return switch (declared) {
      case TEXT, MULTILINE, HTML, SECRET, DYNAMIC_DROPDOWN, CONNECTION -> type == String.class;
      case BOOLEAN -> type == boolean.class || type == Boolean.class;
      case NUMBER -> isNumeric(type);
      case DROPDOWN -> type.isEnum();
      case EMAIL_LIST, RECIPIENTS, ADDRESSES_OR_DOMAINS ->
          List.class.isAssignableFrom(type) && elementType(component) == String.class;
      case MULTI_SELECT -> List.class.isAssignableFrom(type) && isEnum(elementType(component));
      case KEY_VALUE -> Map.class.isAssignableFrom(type);
      case ATTACHMENTS ->
          List.class.isAssignableFrom(type) && elementType(component) == Attachment.class;
      case INFERRED -> true;
    };
  }

  private static Type elementType(RecordComponent component) {
    if (component.getGenericType() instanceof ParameterizedType parameterized) {
      return parameterized.getActualTypeArguments()[0];
    }
    return Object.class;
  }

  private static boolean isEnum(Type type) {
    return type instanceof Class<?> element && element.isEnum();
  }

  private static boolean isNumeric(Class<?> type) {
    return isIntegral(type)
        || type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class;
  }

  /**
   * The declared bound, or for whole numbers the range their Java type holds: a value the schema lets
   * through must fit the record it is bound to.
   */
  private static Double bound(double declared, double typeLimit) {
    if (!Double.isNaN(declared)) {
      return declared;
    }
    return Double.isNaN(typeLimit) ? null : Double.valueOf(typeLimit);
  }

  /** {@code int}'s range; for {@code long}, the whole numbers a double (and a browser) holds exactly. */
  private static double largestWhole(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return Integer.MAX_VALUE;
    }
    return type == long.class || type == Long.class ? MAX_EXACT_WHOLE : Double.NaN;
  }

  private static boolean isIntegral(Class<?> type) {
    return type == int.class || type == Integer.class || type == long.class || type == Long.class;
  }

  private static JsonNode defaultValue(String where, FieldType type, String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (Set.of(FieldType.TEXT, FieldType.MULTILINE, FieldType.HTML, FieldType.DROPDOWN,
            FieldType.DYNAMIC_DROPDOWN)
        .contains(type)) {
      return TextNode.valueOf(text);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": defaultValue is not valid JSON: " + text, e);
    }
  }

  private static String connectionType(String where, FieldType type, String connectionType) {
    if (type == FieldType.CONNECTION && connectionType.isBlank()) {
      throw new IllegalArgumentException(where + ": a CONNECTION field must name its connectionType");
    }
    return connectionType.isBlank() ? null : connectionType;
  }

  private static List<Choice> choices(Class<?> javaType) {
    if (!javaType.isEnum()) {
      return List.of();
    }
    List<Choice> choices = new ArrayList<>();
    for (Object constant : javaType.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      ChoiceLabel label;
      try {
        label = javaType.getField(name).getAnnotation(ChoiceLabel.class);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("an enum constant is always a field", e);
      }
      choices.add(new Choice(name.toLowerCase(Locale.ROOT), label == null ? name : label.value()));
    }
    return choices;
  }

  private static void checkConditions(Class<?> owner, List<FieldDefinition> fields) {
    Set<String> names = fields.stream().map(FieldDefinition::name).collect(Collectors.toSet());
    for (FieldDefinition field : fields) {
      if (field.visibleWhen() != null && !names.contains(field.visibleWhen().field())) {
        throw new IllegalArgumentException(
            owner.getSimpleName() + "." + field.name() + ": visibleWhen names unknown field '"
                + field.visibleWhen().field() + "'");
      }
    }
  }
}
