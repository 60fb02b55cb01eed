package io.vigil.crawler.page;

import io.vigil.crawler.dates.MonthNames;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Words of dates written for people: month names (from {@link MonthNames}) and the time-zone
 * abbreviations news sites print.
 */
final class DateWords {

    static final Map<String, ZoneOffset> ZONES = new HashMap<>();

    static {
        Object[][] zones = {
            {"utc", 0},
            {"gmt", 0},
            {"z", 0},
            {"wet", 0},
            {"bst", 60},
            {"ist", 330},
            {"cet", 60},
            {"mez", 60},
            {"cest", 120},
            {"mesz", 120},
            {"eet", 120},
            {"eest", 180},
            {"msk", 180},
            {"est", -300},
            {"edt", -240},
            {"cst", -360},
            {"cdt", -300},
            {"mst", -420},
            {"mdt", -360},
            {"pst", -480},
            {"pdt", -420},
            {"et", -300},
            {"pt", -480},
            {"jst", 540},
            {"kst", 540},
            {"hkt", 480},
            {"sgt", 480},
            {"wib", 420},
            {"aest", 600},
            {"aedt", 660},
            {"nzst", 720},
            {"nzdt", 780},
            {"sast", 120}
        };
        for (Object[] zone : zones) {
            ZONES.put((String) zone[0], ZoneOffset.ofTotalSeconds((Integer) zone[1] * 60));
        }
    }

    private DateWords() {}

    /** The month (1-12) a word names, or null. */
    static Integer month(String word) {
        return MonthNames.month(word);
    }

    static String fold(String s) {
        return MonthNames.fold(s);
    }
}
