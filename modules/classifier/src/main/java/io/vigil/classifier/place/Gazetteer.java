package io.vigil.classifier.place;

import io.vigil.classifier.text.PhraseMatcher;
import io.vigil.classifier.text.TextAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Countries and major regions named in a text, in many languages. Country names come from the JDK's
 * CLDR display names in {@link #LANGUAGES} (so every ISO 3166-1 country is known by its name in
 * each), plus {@code aliases.tsv} (short forms, adjectives, capitals used as metonyms); regions
 * from {@code regions.tsv}. Names are matched as sequences of analysed tokens, so Chinese and
 * Japanese names match inside running text, and a Korean name matches with a particle attached
 * ("중국은"). Immutable and thread-safe.
 */
public final class Gazetteer {

    /** Languages whose country names are known. */
    static final List<String> LANGUAGES =
            List.of(
                    "en", "zh", "zh-TW", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "ja",
                    "ko", "ar", "tr", "vi", "fa", "id", "sv", "cs");

    /** Names too common as ordinary words to count as a mention. */
    private static final Set<String> AMBIGUOUS =
            Set.of("us", "chad", "jordan", "georgia", "turkey", "guinea", "niger", "man", "oman");

    private final PhraseMatcher<Place> names = new PhraseMatcher<>();

    /** A place: an ISO country code, or a region id with its country. */
    private record Place(String country, String region) {}

    /** Places mentioned in a text, most mentioned first. */
    public record Mentions(List<String> countries, List<String> regions) {}

    private Gazetteer() {}

    /** The gazetteer built from the JDK's country names and the bundled lists. */
    public static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            for (String language : LANGUAGES) {
                String name = country.getDisplayCountry(Locale.forLanguageTag(language));
                if (!name.isBlank() && !name.equals(code)) {
                    g.add(name, new Place(code, null));
                    // CLDR qualifies some names: "Myanmar (Burma)", "Hong Kong SAR China".
                    int paren = name.indexOf(" (");
                    if (paren > 0) {
                        g.add(name.substring(0, paren), new Place(code, null));
                    }
                }
            }
        }
        for (String[] row : rows("aliases.tsv", 2)) {
            for (String name : row[1].split("\\|")) {
                g.add(name, new Place(row[0], null));
            }
        }
        for (String[] row : rows("regions.tsv", 3)) {
            for (String name : row[2].split("\\|")) {
                g.add(name, new Place(row[1], row[0]));
            }
        }
        return g;
    }

    private void add(String name, Place place) {
        List<String> tokens = TextAnalyzer.INSTANCE.tokens(name);
        if (tokens.size() == 1 && AMBIGUOUS.contains(tokens.get(0))) {
            return;
        }
        names.add(name.replace("*", ""), place);
    }

    /** The places named in a text given as analysed tokens (see {@link TextAnalyzer}). */
    public Mentions find(List<String> tokens) {
        Map<String, Integer> countries = new LinkedHashMap<>();
        Map<String, Integer> regions = new LinkedHashMap<>();
        names.find(
                tokens,
                (place, length) -> {
                    countries.merge(place.country(), 1, Integer::sum);
                    if (place.region() != null) {
                        regions.merge(place.region(), 1, Integer::sum);
                    }
                });
        return new Mentions(byCount(countries), byCount(regions));
    }

    private static List<String> byCount(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        // Stable sort: ties keep the order of first mention.
        entries.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length != columns) {
                    throw new IllegalStateException(resource + ": bad line: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
