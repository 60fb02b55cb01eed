package io.vigil.crawler.dates;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Month names as feeds and pages write them: full, abbreviated and genitive forms in English,
 * French, German, Spanish, Italian, Portuguese, Dutch, Indonesian, Russian, Polish, Turkish and
 * Greek, matched with and without accents. The one table for feed dates and page dates.
 */
public final class MonthNames {

    private static final Map<String, Integer> MONTHS = new HashMap<>();

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
                "ιανουαρίου",
                "jän",
                "styczeń",
                "sty"
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
                "subat",
                "fév",
                "févr",
                "lut",
                "luty"
            },
            {
                "march", "mar", "mars", "märz", "marz", "marzo", "março", "marco", "maart", "maret",
                "марта", "март", "marca", "mart", "maerz", "mär", "mrt"
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
                "nisan",
                "kwi",
                "kwiecień"
            },
            {
                "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "мая", "май", "maja", "mayıs",
                "maj"
            },
            {
                "june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июня", "июнь",
                "czerwca", "haziran", "cze"
            },
            {
                "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июля",
                "июль", "lipca", "temmuz", "lip"
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
                "ağustos",
                "aoû",
                "sie"
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
                "eylül",
                "wrz"
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
                "ekim",
                "paź",
                "paz"
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
                "kasım",
                "lis"
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
                "aralık",
                "gru"
            }
        };
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                MONTHS.put(name, m + 1);
                MONTHS.put(fold(name), m + 1);
            }
        }
    }

    private MonthNames() {}

    /** The month (1-12) a lower-case word names, or null. */
    public static Integer month(String word) {
        Integer month = MONTHS.get(word);
        return month != null ? month : MONTHS.get(fold(word));
    }

    /** The word without accents (NFD, combining marks removed). */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
