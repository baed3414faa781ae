package dev.outlookflow.runtime.triggers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static Instant at(String time) {
    return Instant.parse("2026-03-02T" + time + "Z");
  }

  @Nested
  class Every {
    private final Schedule every10s = new Schedule.Every(at("10:00:00"), Duration.ofSeconds(10));

    @Test
    void nothingIsDueBeforeTheNextTick() {
      assertThat(every10s.due(at("10:00:00"), at("10:00:09.999"))).isEmpty();
    }

    @Test
    void aTickIsDueExactlyAtItsTime() {
      assertThat(every10s.due(at("10:00:00"), at("10:00:10"))).contains(new Schedule.Due(at("10:00:10"), 1));
    }

    @Test
    void missedTicksCollapseIntoTheLatest() {
      assertThat(every10s.due(at("10:00:10"), at("10:01:05"))).contains(new Schedule.Due(at("10:01:00"), 5));
    }

    @Test
    void aLongOutageIsComputedNotStepped() {
      Schedule everySecond = new Schedule.Every(at("00:00:00"), Duration.ofSeconds(1));
      assertThat(everySecond.due(at("00:00:00"), at("00:00:00").plus(Duration.ofDays(365))))
          .contains(new Schedule.Due(at("00:00:00").plus(Duration.ofDays(365)), 31_536_000));
    }
  }

  @Nested
  class Cron {
    @Test
    void weekdayMorningsInTheirTimeZone() {
      Schedule nineBerlin = Schedule.Cron.parse("0 9 * * MON-FRI", ZoneId.of("Europe/Berlin"));
      // 2026-03-06 is a Friday; Berlin is UTC+1 in March.
      assertThat(nineBerlin.next(Instant.parse("2026-03-06T08:00:00Z"))).contains(Instant.parse("2026-03-09T08:00:00Z"));
      assertThat(nineBerlin.next(Instant.parse("2026-03-06T07:59:59Z"))).contains(Instant.parse("2026-03-06T08:00:00Z"));
    }

    @Test
    void missedTicksCollapseIntoTheLatest() {
      Schedule hourly = Schedule.Cron.parse("0 * * * *", ZoneId.of("UTC"));
      assertThat(hourly.due(at("10:00:00"), at("12:30:00"))).contains(new Schedule.Due(at("12:00:00"), 2));
      assertThat(hourly.due(at("12:00:00"), at("12:59:59"))).isEmpty();
    }

    @Test
    void aBadExpressionSaysWhy() {
      assertThatThrownBy(() -> Schedule.Cron.parse("61 * * * *", ZoneId.of("UTC")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Value 61 not in range [0, 59]");
    }
  }
}
