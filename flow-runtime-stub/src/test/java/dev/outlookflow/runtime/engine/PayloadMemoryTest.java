package dev.outlookflow.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
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
  void waitersAreServedInTheOrderTheyCameAndALargeOneIsNotPassedOverBySmallOnes() {
    PayloadMemory.Reservation held = memory.tryReserve(3 * MEGABYTE).orElseThrow();
    Future<PayloadMemory.Reservation> large = memory.reserve(4 * MEGABYTE);
    Future<PayloadMemory.Reservation> small = memory.reserve(MEGABYTE / 2);

    assertThat(large.isComplete()).isFalse();
    assertThat(small.isComplete()).as("it would fit, but the large one came first").isFalse();
    assertThat(memory.tryReserve(1)).as("nor does anyone pass the queue").isEmpty();

    held.release();
    assertThat(large.isComplete()).isTrue();
    assertThat(small.isComplete()).isFalse();

    large.result().release();
    assertThat(small.isComplete()).isTrue();
  }

  @Test
  void aPayloadLargerThanTheBudgetNeverFitsAndIsNotQueued() {
    assertThat(memory.tryReserve(memory.largestPayload() + 1)).isEmpty();
    assertThatThrownBy(() -> memory.reserve(memory.largestPayload() + 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
