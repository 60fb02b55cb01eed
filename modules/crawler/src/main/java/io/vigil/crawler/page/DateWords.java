package io.vigil.crawler.page;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Words of dates written for people: month names (full, abbreviated, genitive) in English, French,
 * German, Spanish, Italian, Portuguese, Dutch, Indonesian, Russian, Polish, Turkish and Greek, with
 * and without accents; and the time-zone abbreviations news sites print.
 */
final class DateWords {

    static final Map<String, Integer> MONTHS = new HashMap<>();
    static final Map<String, ZoneOffset> ZONES = new HashMap<>();

    static {
        String[][] names = {
            {
                "january",
                "jan",
                "janvier",
                "janv",
                "januar",
                "jänner",
                "enero",
                "ene",
                "gennaio",
                "gen",
                "janeiro",
                "januari",
                "января",
                "январь",
                "stycznia",
                "ocak",
                "ιανουαρίου"
            },
            {
                "february",
                "feb",
                "fevrier",
                "fevr",
                "février",
                "februar",
                "febrero",
                "febbraio",
                "fevereiro",
                "fev",
                "februari",
                "февраля",
                "февраль",
                "lutego",
                "şubat",
                "subat"
            },
            {
                "march", "mar", "mars", "märz", "marz", "marzo", "março", "marco", "maart", "maret",
                "марта", "март", "marca", "mart"
            },
            {
                "april",
                "apr",
                "avril",
                "avr",
                "abril",
                "abr",
                "aprile",
                "апреля",
                "апрель",
                "kwietnia",
                "nisan"
            },
            {"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "мая", "май", "maja", "mayıs"},
            {
                "june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июня", "июнь",
                "czerwca", "haziran"
            },
            {
                "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июля",
                "июль", "lipca", "temmuz"
            },
            {
                "august",
                "aug",
                "août",
                "aout",
                "agosto",
                "ago",
                "augustus",
                "agustus",
                "августа",
                "август",
                "sierpnia",
                "ağustos"
            },
            {
                "september",
                "sep",
                "sept",
                "septembre",
                "septiembre",
                "setiembre",
                "settembre",
                "set",
                "setembro",
                "сентября",
                "сентябрь",
                "września",
                "eylül"
            },
            {
                "october",
                "oct",
                "octobre",
                "oktober",
                "okt",
                "octubre",
                "ottobre",
                "ott",
                "outubro",
                "out",
                "октября",
                "октябрь",
                "października",
                "ekim"
            },
            {
                "november",
                "nov",
                "novembre",
                "noviembre",
                "novembro",
                "ноября",
                "ноябрь",
                "listopada",
                "kasım"
            },
            {
                "december",
                "dec",
                "décembre",
                "decembre",
                "déc",
                "dezember",
                "dez",
                "diciembre",
                "dic",
                "dicembre",
                "dezembro",
                "desember",
                "des",
                "декабря",
                "декабрь",
                "grudnia",
                "aralık"
            }
        };
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                MONTHS.put(name, m + 1);
                MONTHS.put(fold(name), m + 1);
            }
        }
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
        Integer month = MONTHS.get(word);
        return month != null ? month : MONTHS.get(fold(word));
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
