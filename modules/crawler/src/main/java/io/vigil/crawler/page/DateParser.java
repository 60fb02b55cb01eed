package io.vigil.crawler.page;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date strings pages carry into instants: ISO 8601 and its common mangled forms, RFC
 * 1123, epoch numbers, and visible dates ("March 5, 2024 10:30 EST", "5. März 2024", "5 de marzo de
 * 2024", "05.03.2024", "2024年3月5日") in the main European languages. A time without a zone takes the
 * fallback offset (the page's own zone when another date revealed it, else UTC).
 */
final class DateParser {

    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;

    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final Pattern ISO_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HAS_YEAR = Pattern.compile("\\d{4}");

    private static final String MONTH = "(\\p{L}{3,12})\\.?";
    private static final String TIME =
            "(?:[^\\d]{0,12}?(\\d{1,2})[:h.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?"
                    + "\\s*(?:\\(?([a-z]{1,5})\\)?(?:\\s*([+-]\\d{1,2}(?::?\\d{2})?))?)?)?";
    private static final Pattern YMD =
            Pattern.compile("\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b" + TIME);
    private static final Pattern DMY =
            Pattern.compile("\\b(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})\\b" + TIME);
    private static final Pattern D_MONTH_Y =
            Pattern.compile(
                    "\\b(\\d{1,2})(?:\\.|er|st|nd|rd|th|º)?\\s+(?:de\\s+)?"
                            + MONTH
                            + ",?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b"
                            + TIME);
    private static final Pattern MONTH_D_Y =
            Pattern.compile(
                    "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b" + TIME);
    private static final Pattern CJK =
            Pattern.compile("(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?" + TIME);

    private DateParser() {}

    /** A machine-readable date (ISO 8601, RFC 1123, epoch), or null. */
    static Instant parseMachine(String raw, ZoneOffset fallback) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        if (EPOCH.matcher(s).matches()) {
            long n = Long.parseLong(s);
            return sane(n > 99_999_999_999L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        }
        if (!ISO_START.matcher(s).lookingAt()) {
            if (Character.isLetter(s.charAt(0))) {
                try {
                    return sane(DateTimeFormatter.RFC_1123_DATE_TIME.parse(s, Instant::from));
                } catch (DateTimeParseException e) {
                    // not RFC 1123: a date written for people, perhaps
                }
            }
            return parseText(s, fallback, false);
        }
        if (s.length() == 10) {
            try {
                return sane(LocalDate.parse(s).atStartOfDay().toInstant(fallback));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String iso = s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})\\s+(\\d)", "$1T$2");
        iso = iso.replaceFirst("\\s*(?i:UTC|GMT)$", "Z").replaceFirst("\\s+([+-]\\d)", "$1");
        iso = OFFSET_NO_COLON.matcher(iso).replaceFirst("$1:$2");
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(
                            iso, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return sane(odt.toInstant());
            }
            return sane(((LocalDateTime) parsed).toInstant(fallback));
        } catch (DateTimeParseException e) {
            // not a date-time; try a plain date
        }
        try {
            return sane(
                    LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso)
                            .atStartOfDay()
                            .toInstant(fallback));
        } catch (DateTimeParseException e) {
            return parseText(s, fallback, false);
        }
    }

    /**
     * The first date written for people in {@code text}, or null. {@code monthFirst} reads
     * ambiguous slashed dates as M/D/Y (American usage).
     */
    static Instant parseText(String text, ZoneOffset fallback, boolean monthFirst) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String s = text.length() > 300 ? text.substring(0, 300) : text;
        if (!HAS_YEAR.matcher(s).find()) {
            return null;
        }
        s = s.toLowerCase(Locale.ROOT);
        Instant best = null;
        int bestAt = Integer.MAX_VALUE;
        Matcher m = YMD.matcher(s);
        if (m.find()) {
            best = build(m, 1, 2, 3, 4, fallback);
            bestAt = m.start();
        }
        m = CJK.matcher(s);
        if (m.find() && m.start() < bestAt) {
            Instant at = build(m, 1, 2, 3, 4, fallback);
            if (at != null) {
                best = at;
                bestAt = m.start();
            }
        }
        m = D_MONTH_Y.matcher(s);
        while (m.find() && m.start() < bestAt) {
            Integer month = DateWords.month(m.group(2));
            if (month != null) {
                Instant at = withMonth(m, 3, month, 1, 4, fallback);
                if (at != null) {
                    best = at;
                    bestAt = m.start();
                }
                break;
            }
        }
        m = MONTH_D_Y.matcher(s);
        while (m.find() && m.start() < bestAt) {
            Integer month = DateWords.month(m.group(1));
            if (month != null) {
                Instant at = withMonth(m, 3, month, 2, 4, fallback);
                if (at != null) {
                    best = at;
                    bestAt = m.start();
                }
                break;
            }
        }
        m = DMY.matcher(s);
        if (m.find() && m.start() < bestAt) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            boolean swap = s.charAt(m.end(1)) == '/' && monthFirst && a <= 12 || b > 12;
            Instant at =
                    swap ? withMonth(m, 3, a, 2, 4, fallback) : withMonth(m, 3, b, 1, 4, fallback);
            if (at != null) {
                best = at;
            }
        }
        return best;
    }

    private static Instant build(
            Matcher m,
            int yearGroup,
            int monthGroup,
            int dayGroup,
            int timeGroup,
            ZoneOffset fallback) {
        int month = Integer.parseInt(m.group(monthGroup));
        return withMonth(m, yearGroup, month, dayGroup, timeGroup, fallback);
    }

    private static Instant withMonth(
            Matcher m, int yearGroup, int month, int dayGroup, int timeGroup, ZoneOffset fallback) {
        try {
            int year = Integer.parseInt(m.group(yearGroup));
            int day = Integer.parseInt(m.group(dayGroup));
            LocalDate date = LocalDate.of(year, month, day);
            LocalTime time = LocalTime.MIDNIGHT;
            ZoneOffset offset = fallback;
            if (m.group(timeGroup) != null) {
                int hour = Integer.parseInt(m.group(timeGroup));
                int minute = Integer.parseInt(m.group(timeGroup + 1));
                int second =
                        m.group(timeGroup + 2) == null
                                ? 0
                                : Integer.parseInt(m.group(timeGroup + 2));
                String ampm = m.group(timeGroup + 3);
                if (ampm != null) {
                    hour = hour % 12 + (ampm.startsWith("p") ? 12 : 0);
                }
                time = LocalTime.of(hour, minute, second);
                offset = zone(m.group(timeGroup + 4), m.group(timeGroup + 5), fallback);
            }
            return sane(LocalDateTime.of(date, time).toInstant(offset));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset zone(String name, String offset, ZoneOffset fallback) {
        ZoneOffset base = name == null ? null : DateWords.ZONES.get(name);
        if (offset != null && (base != null && base.getTotalSeconds() == 0 || name == null)) {
            String o =
                    offset.contains(":") || offset.length() <= 3
                            ? offset
                            : offset.substring(0, offset.length() - 2)
                                    + ":"
                                    + offset.substring(offset.length() - 2);
            try {
                return ZoneOffset.of(o.length() == 2 ? o.charAt(0) + "0" + o.charAt(1) : o);
            } catch (DateTimeException e) {
                return fallback;
            }
        }
        return base == null ? fallback : base;
    }

    private static Instant sane(Instant instant) {
        if (instant == null) {
            return null;
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year <= MAX_YEAR ? instant : null;
    }
}
