package se.planbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

    @Test
    void every_shape_instant_to_string_writes_reads_back_as_the_jdk_reads_it() {
        for (String text : new String[] {"2026-12-01T08:00:00Z", "2026-12-01T08:00:00.5Z", "2026-12-01T08:00:00.120Z",
                "2026-12-01T23:59:59.123456Z", "2026-02-28T00:00:01.123456789Z", "1970-01-01T00:00:00Z"}) {
            assertThat(StoredTime.instant(text)).isEqualTo(Instant.parse(text));
        }
        Instant now = Instant.now();
        assertThat(StoredTime.instant(now.toString())).isEqualTo(now);
    }

    @Test
    void dates_read_as_the_jdk_reads_them_and_nonsense_is_still_refused() {
        assertThat(StoredTime.date("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(StoredTime.instant("+12026-12-01T08:00:00Z")).isEqualTo(Instant.parse("+12026-12-01T08:00:00Z"));
        assertThatThrownBy(() -> StoredTime.date("2026-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredTime.date("2026-1x-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredTime.instant("2026-12-01T25:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThat(StoredTime.instant("2026-12-01T08:00:00.Z")).isEqualTo(Instant.parse("2026-12-01T08:00:00.Z"));
    }
}
