package se.planbot.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the dates and instants Planbot stores ({@code LocalDate.toString()}, {@code Instant.toString()}).
 * The common shapes are read digit by digit; {@code DateTimeFormatter}'s general parser cost more per
 * row than the query itself on the Slack command's path. Anything else goes to the JDK's parser, which
 * also gives the error for text that is no date.
 */
final class StoredTime {

    private StoredTime() {
    }

    /** {@code 2026-12-01}. */
    static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** {@code 2026-12-01T08:00:00Z} or with a fraction of up to nine digits before the {@code Z}. */
    static Instant instant(String text) {
        int length = text.length();
        if (length >= 20 && length <= 30 && text.charAt(length - 1) == 'Z' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = length == 20 ? 0 : fraction(text, 19, length - 1);
            if (hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0 && text.charAt(4) == '-') {
                LocalDate day = date(text.substring(0, 10));
                return LocalDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), hour, minute, second,
                        nanos).toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    /** The number in {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** ".5" → 500,000,000 ns; -1 unless a dot and 1–9 digits. */
    private static int fraction(String text, int from, int to) {
        int count = to - from - 1;
        if (text.charAt(from) != '.' || count < 1 || count > 9) {
            return -1;
        }
        int value = digits(text, from + 1, to);
        if (value < 0) {
            return -1;
        }
        for (int i = count; i < 9; i++) {
            value *= 10;
        }
        return value;
    }
}
