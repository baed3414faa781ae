package dev.outlookflow.uischema.expression;

import java.io.IOException;
import java.io.Writer;

/** Collects text up to a number of characters, and refuses to hold more. */
final class BoundedWriter extends Writer {
  /** Thrown on the write that would go past the bound; nothing past it was kept. */
  static final class Full extends IOException {
    Full() {
      super("the text would be longer than its bound");
    }
  }

  private final StringBuilder text = new StringBuilder();
  private final long bound;

  BoundedWriter(long bound) {
    this.bound = bound;
  }

  @Override
  public void write(char[] characters, int offset, int length) throws IOException {
    if (text.length() + (long) length > bound) {
      throw new Full();
    }
    text.append(characters, offset, length);
  }

  @Override
  public void flush() {
    // nothing to flush: the text stays in memory
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
