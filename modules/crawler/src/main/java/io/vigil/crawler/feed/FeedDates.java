package io.vigil.crawler.feed;

import io.vigil.crawler.dates.MonthNames;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates feeds actually contain: ISO 8601 / W3CDTF (extended and basic, with or without
 * seconds, fractions, zone), RFC 822/1123 and their variants (no weekday, two-digit years, missing
 * seconds, named and military zones, comments), asctime, and month names in several languages. A
 * time without zone is taken as UTC. Unreadable input gives null.
 */
final class FeedDates {

    private static final Pattern ISO =
            Pattern.compile(
                    "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2}))?)?"
                            + "(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?"
                            + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{1,5})?");
    private static final Pattern TIME =
            Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*([AaPp][Mm])?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?");
    private static final Map<String, Integer> ZONES = new HashMap<>();

    static {
        Object[][] zones = {
            {"ut", 0},
            {"utc", 0},
            {"gmt", 0},
            {"z", 0},
            {"wet", 0},
            {"bst", 60},
            {"cet", 60},
            {"met", 60},
            {"mez", 60},
            {"cest", 120},
            {"mest", 120},
            {"eet", 120},
            {"eest", 180},
            {"msk", 180},
            {"ist", 330},
            {"hkt", 480},
            {"jst", 540},
            {"kst", 540},
            {"awst", 480},
            {"acst", 570},
            {"aest", 600},
            {"aedt", 660},
            {"nzst", 720},
            {"nzdt", 780},
            {"est", -300},
            {"edt", -240},
            {"cst", -360},
            {"cdt", -300},
            {"mst", -420},
            {"mdt", -360},
            {"pst", -480},
            {"pdt", -420},
            {"akst", -540},
            {"akdt", -480},
            {"hst", -600},
            {"ast", -240},
            {"adt", -180},
            {"nst", -210},
            {"ndt", -150},
            {"brt", -180},
            {"art", -180},
            {"a", -60},
            {"m", -720},
            {"n", 60},
            {"y", 720}
        };
        for (Object[] z : zones) {
            ZONES.put((String) z[0], (Integer) z[1]);
        }
    }

    private FeedDates() {}

    /** The instant a feed date string denotes, or null. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            Instant iso = parseIso(s);
            return iso != null ? iso : parseWords(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos = 0;
            if (m.group(7) != null) {
                String frac = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(frac);
            }
            if (hour == 24 && minute == 0 && second == 0) {
                return LocalDate.of(year, month, day)
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(zone(m.group(8)));
            }
            time = LocalTime.of(hour, minute, Math.min(second, 59), nanos);
        }
        ZoneOffset offset = zone(m.group(8));
        if (offset == null) {
            return null;
        }
        return LocalDateTime.of(LocalDate.of(year, month, day), time).toInstant(offset);
    }

    /** RFC 822 and friends: pick out day, month name, year, time and zone wherever they are. */
    private static Instant parseWords(String s) {
        String t =
                s.replaceAll("\\([^)]*\\)", " ")
                        .replace(',', ' ')
                        .replace('.', ' ')
                        .toLowerCase(Locale.ROOT);
        Integer month = null;
        Integer day = null;
        Integer year = null;
        boolean monthBeforeDay = false;
        LocalTime time = LocalTime.MIDNIGHT;
        ZoneOffset offset = ZoneOffset.UTC;
        Matcher tm = TIME.matcher(t);
        if (tm.find()) {
            int hour = Integer.parseInt(tm.group(1));
            if (tm.group(4) != null) {
                boolean pm = tm.group(4).startsWith("p");
                hour = hour % 12 + (pm ? 12 : 0);
            }
            int second = tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3));
            time = LocalTime.of(hour, Integer.parseInt(tm.group(2)), Math.min(second, 59));
            String rest = t.substring(tm.end()).trim();
            t = t.substring(0, tm.start()) + " " + rest;
            Matcher om = OFFSET.matcher(rest);
            if (om.lookingAt()) {
                int h = Integer.parseInt(om.group(2));
                int mm = om.group(3) == null ? 0 : Integer.parseInt(om.group(3));
                int total = h * 60 + mm;
                offset = ZoneOffset.ofTotalSeconds((om.group(1).equals("-") ? -total : total) * 60);
                t = t.replace(om.group(), " ");
            }
        }
        for (String token : t.split("[\\s/\\-]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.chars().allMatch(Character::isDigit)) {
                int v = Integer.parseInt(token);
                if (token.length() == 4 || v > 31) {
                    year = v;
                } else if (day == null) {
                    day = v;
                } else if (year == null) {
                    year = v;
                }
            } else if (monthOf(token) != null) {
                // "mar, 31 dic": a month-like weekday before the day yields to a later month
                if (month == null || (monthBeforeDay && day != null)) {
                    monthBeforeDay = month == null && day == null;
                    month = monthOf(token);
                }
            } else if (ZONES.containsKey(token)) {
                offset = ZoneOffset.ofTotalSeconds(ZONES.get(token) * 60);
            } else if (token.matches("(gmt|utc)[+-]\\d{1,4}")) {
                Matcher om = OFFSET.matcher(token.substring(3));
                if (om.matches()) {
                    int h = Integer.parseInt(om.group(2));
                    int total = h * 60 + (om.group(3) == null ? 0 : Integer.parseInt(om.group(3)));
                    offset =
                            ZoneOffset.ofTotalSeconds(
                                    (om.group(1).equals("-") ? -total : total) * 60);
                }
            }
        }
        if (month == null || day == null || year == null) {
            return null;
        }
        if (year < 100) {
            year += year < 50 ? 2000 : 1900;
        }
        return LocalDateTime.of(LocalDate.of(year, month, day), time).toInstant(offset);
    }

    private static Integer monthOf(String token) {
        Integer m = MonthNames.month(token);
        if (m == null && token.length() > 3) {
            m = MonthNames.month(token.substring(0, 3));
        }
        return m;
    }

    private static ZoneOffset zone(String z) {
        if (z == null) {
            return ZoneOffset.UTC;
        }
        String lower = z.toLowerCase(Locale.ROOT);
        if (ZONES.containsKey(lower)) {
            return ZoneOffset.ofTotalSeconds(ZONES.get(lower) * 60);
        }
        Matcher om = OFFSET.matcher(z);
        if (om.matches()) {
            int h = Integer.parseInt(om.group(2));
            int total = h * 60 + (om.group(3) == null ? 0 : Integer.parseInt(om.group(3)));
            return ZoneOffset.ofTotalSeconds((om.group(1).equals("-") ? -total : total) * 60);
        }
        return null;
    }
}
