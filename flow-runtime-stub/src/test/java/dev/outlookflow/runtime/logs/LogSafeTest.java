package dev.outlookflow.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {
  @Test
  void controlCharactersCannotForgeLogLines() {
    assertThat(LogSafe.text("a\nERROR fake line\r\u001b[31m")).isEqualTo("a\\u000aERROR fake line\\u000d\\u001b[31m");
  }

  @Test
  void longTextIsBounded() {
    assertThat(LogSafe.text("x".repeat(10_000))).hasSizeLessThan(600).endsWith("(10000 characters)");
  }
}
