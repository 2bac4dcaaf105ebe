package dev.bricks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code java.time} values are ISO-8601 strings both ways; anything else is rejected naming the member. */
class TimeTypesTest {

    record Schedule(
            Instant at,
            LocalDate day,
            LocalTime opens,
            LocalDateTime local,
            OffsetDateTime offset,
            ZonedDateTime zoned,
            Duration window) {}

    private static final Schedule SCHEDULE = new Schedule(
            Instant.parse("2024-05-01T12:00:00Z"),
            LocalDate.of(2024, 5, 1),
            LocalTime.of(9, 30),
            LocalDateTime.of(2024, 5, 1, 9, 30),
            OffsetDateTime.of(2024, 5, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2)),
            ZonedDateTime.of(2024, 5, 1, 14, 0, 0, 0, ZoneId.of("Europe/Paris")),
            Duration.ofMinutes(15));

    @Test
    void write_timeValues_asIso8601Strings() {
        assertThat(Json.writeString(SCHEDULE))
                .isEqualTo("{\"at\":\"2024-05-01T12:00:00Z\",\"day\":\"2024-05-01\","
                        + "\"opens\":\"09:30:00\",\"local\":\"2024-05-01T09:30:00\",\"offset\":\"2024-05-01T14:00:00+02:00\","
                        + "\"zoned\":\"2024-05-01T14:00:00+02:00[Europe/Paris]\",\"window\":\"PT15M\"}");
    }

    @Test
    void read_iso8601Strings_roundTrip() {
        assertThat(Json.read(Json.writeString(SCHEDULE), Schedule.class)).isEqualTo(SCHEDULE);
    }

    @Test
    void read_instantWithFractionAndOffset_isTheSameInstant() {
        Schedule read = Json.read("{\"at\":\"2024-05-01T14:00:00.250+02:00\"}", Schedule.class);

        assertThat(read.at()).isEqualTo(Instant.parse("2024-05-01T12:00:00.250Z"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "at     | 1714564800                  | at must be an ISO-8601 instant such as 2024-05-01T12:00:00Z",
                "at     | '\"2024-05-01 12:00\"'        | at must be an ISO-8601 instant such as 2024-05-01T12:00:00Z",
                "day    | '\"01/05/2024\"'              | day must be an ISO-8601 date such as 2024-05-01",
                "offset | '\"2024-05-01T14:00:00\"'     | offset must be an ISO-8601 date-time with offset such as 2024-05-01T14:00:00+02:00",
                "window | 900                          | window must be an ISO-8601 duration such as PT15M",
                "window | '\"15 minutes\"'             | window must be an ISO-8601 duration such as PT15M",
            })
    void read_notIso8601_throwsMismatchNamingMember(String member, String json, String message) {
        assertThatThrownBy(() -> Json.read("{\"" + member + "\":" + json + "}", Schedule.class))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(JsonException.Kind.MISMATCH);
                    assertThat(e.path()).isEqualTo(member);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
