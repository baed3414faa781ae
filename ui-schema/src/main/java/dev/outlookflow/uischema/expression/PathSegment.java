package dev.outlookflow.uischema.expression;

/** One step of a path: an object key or an array index. */
public sealed interface PathSegment permits PathSegment.Key, PathSegment.Index {

  record Key(String name) implements PathSegment {
    @Override
    public String toString() {
      return name;
    }
  }

  record Index(int position) implements PathSegment {
    @Override
    public String toString() {
      return "[" + position + "]";
    }
  }
}
