package dev.outlookflow.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadMemoryTest {
  private static final long MEGABYTE = 1024 * 1024;
  private final PayloadMemory memory = new PayloadMemory(256 * MEGABYTE);

  @Test
  void halfTheHeapIsForPayloadsEachCostingItsWeight() {
    assertThat(memory.largestPayload()).isEqualTo(4 * MEGABYTE);
    assertThat(memory.tryReserve(4 * MEGABYTE)).isPresent();
    assertThat(memory.tryReserve(1)).as("the budget is spent").isEmpty();
  }

  @Test
  void whatIsReleasedFitsAgainAndAReleaseCountsOnce() {
    PayloadMemory.Reservation first = memory.tryReserve(2 * MEGABYTE).orElseThrow();
    assertThat(memory.tryReserve(2 * MEGABYTE)).isPresent();
    assertThat(memory.tryReserve(2 * MEGABYTE)).isEmpty();

    first.release();
    first.release();

    assertThat(memory.tryReserve(2 * MEGABYTE)).isPresent();
    assertThat(memory.tryReserve(1)).as("a second release freed nothing more").isEmpty();
  }

  @Test
  void aPayloadLargerThanTheBudgetNeverFits() {
    assertThat(memory.tryReserve(memory.largestPayload() + 1)).isEmpty();
  }
}
