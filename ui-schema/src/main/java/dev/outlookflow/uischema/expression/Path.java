package dev.outlookflow.uischema.expression;

import java.util.List;

/** A parsed expression path such as {@code steps.fetch.items[0].subject}. */
public record Path(List<PathSegment> segments) {

  public Path {
    segments = List.copyOf(segments);
  }

  /** The first key: {@code trigger} or {@code steps}. */
  public String root() {
    return segments.get(0).toString();
  }

  public Path prefix(int length) {
    return new Path(segments.subList(0, length));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (PathSegment segment : segments) {
      if (segment instanceof PathSegment.Key key && text.length() > 0) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }
}
