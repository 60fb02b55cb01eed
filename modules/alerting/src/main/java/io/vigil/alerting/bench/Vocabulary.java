package io.vigil.alerting.bench;

import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import io.vigil.core.event.ArticleFetched;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated alerts and articles for the bench: articles are 70 % common words and 30 % content
 * words drawn with a Zipf spread over 20,000 generated names with the topic words and places among
 * them (every 20th rank from 20 on: the commonest in some 30 % of articles, the rarest in some 2
 * %); alerts ask for topic words, places and names (uniform over the log of their rank, so most are
 * rare and some common), in the shapes NGO staff write (single words, pairs, phrases, OR groups,
 * prefixes, exclusions, fields, some Chinese). Deterministic for a seed.
 */
public final class Vocabulary {

    static final String[] COMMON =
            ("the of and to in a is that for on was with he it as at by from his an were are which"
                            + " this be has had not but have they its after who been more their one"
                            + " year new also said would there two government people state first last"
                            + " over police city country report week told time president officials"
                            + " minister world public month former national international court law"
                            + " security group told since during against under between group members"
                            + " while where when could other early political statement according")
                    .split(" ");

    static final String[] TOPIC =
            ("organ harvesting transplant transplants detention detainees camps prisoners conscience"
                            + " tribunal persecution torture surveillance uyghur uyghurs tibet tibetan"
                            + " falun gong practitioners xinjiang hospital hospitals surgeons waiting"
                            + " donors donation forced labour genocide sanctions parliament resolution"
                            + " testimony survivors refugees asylum deportation crackdown activists"
                            + " lawyers journalists censorship protest protests arrests sentenced"
                            + " execution executions blood tests kidney liver heart trafficking"
                            + " evidence investigation inquiry commission rapporteur petition bill"
                            + " embassy consulate diplomats ministry spokesman denial denied")
                    .split(" ");

    static final String[] PLACES =
            ("china beijing shanghai urumqi lhasa hong kong taiwan london geneva brussels washington"
                            + " canberra ottawa berlin paris tokyo seoul delhi moscow kazakhstan"
                            + " australia canada britain germany france japan korea")
                    .split(" ");

    static final String[] CHINESE = {
        "器官", "摘取", "移植", "法轮功", "新疆", "维吾尔", "西藏", "集中营", "迫害", "良心犯", "医院", "法庭"
    };

    /** Syllables of the generated names: people, organisations, places, rare words. */
    private static final String[] SYLLABLES =
            "ka ro mi ta shi ven lu bar dor el fa gan hu ir jo kel lam nor os pel qu ras sun tor ul vik wen xi yan zor"
                    .split(" ");

    private final Random random;

    /** Content words by frequency rank: the topic words, then places, then generated names. */
    private final String[] content;

    public Vocabulary(long seed) {
        this.random = new Random(seed);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        while (names.size() < 20_000) {
            int n = 2 + random.nextInt(2);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < n; i++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            names.add(w.toString());
        }
        // topic words and places every 20th rank from rank 20 on: the commonest in some 30 % of
        // articles, the rarest in some 2 %
        List<String> words = new ArrayList<>(names);
        List<String> special = new ArrayList<>(List.of(TOPIC));
        special.addAll(List.of(PLACES));
        java.util.Collections.shuffle(special, random);
        for (int i = 0; i < special.size(); i++) {
            words.add(20 * (i + 1), special.get(i));
        }
        this.content = words.toArray(String[]::new);
    }

    /** {@code n} alerts with no channel (their matches are recorded only). */
    public List<Alert> alerts(int n, Instant now) {
        List<Alert> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(
                    new Alert(
                            Alert.SCHEMA,
                            "bench-" + i,
                            "owner-" + (i % 500),
                            null,
                            query(),
                            null,
                            null,
                            false,
                            null,
                            now,
                            null));
        }
        return out;
    }

    /**
     * {@code n} fuzzy alerts ({@code word~}, every third {@code word~1}, every fifth with a prefix
     * length of one: {@code word~} cannot set it, so those are {@code word~2}) and {@code n}
     * wildcard alerts ({@code wo?d*}, {@code wor*}, {@code w?rd}) on the topic words, in that
     * order; no randomness, so adding them changes nothing else a seed generates.
     */
    public static List<Alert> fuzzyAndWildcardAlerts(int n, Instant now) {
        List<Alert> out = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            String w = TOPIC[i % TOPIC.length];
            String fuzzy = i % 5 == 4 ? w + "~2" : i % 3 == 2 ? w + "~1" : w + "~";
            out.add(bench("bench-fuzzy-" + i, fuzzy, now));
        }
        for (int i = 0; i < n; i++) {
            String w = TOPIC[(i * 7 + 3) % TOPIC.length];
            String wildcard =
                    switch (i % 3) {
                        case 0 -> w.charAt(0) + "?" + w.substring(2, Math.min(4, w.length())) + "*";
                        case 1 ->
                                w.substring(0, Math.min(3, w.length()))
                                        + "*"
                                        + w.charAt(w.length() - 1);
                        default -> w.charAt(0) + "?" + w.substring(2);
                    };
            out.add(bench("bench-wildcard-" + i, wildcard, now));
        }
        return out;
    }

    private static Alert bench(String id, String query, Instant now) {
        return new Alert(
                Alert.SCHEMA, id, "bench", null, query, null, null, false, null, now, null);
    }

    /** One query, in one of the shapes people write. */
    public String query() {
        int shape = random.nextInt(20);
        return switch (shape) {
            case 0, 1, 2 -> topic();
            case 3, 4, 5, 6 -> topic() + " " + topic();
            case 7, 8 -> topic() + " " + place();
            case 9, 10 -> "\"" + topic() + " " + topic() + "\"";
            case 11, 12 -> "(" + topic() + " OR " + topic() + ") AND " + place();
            case 13 -> prefix(topic()) + "* " + place();
            case 14 -> topic() + " -" + place();
            case 15 -> "\"" + topic() + " " + topic() + "\"~3 " + place();
            case 16 -> CHINESE[random.nextInt(CHINESE.length)];
            case 17 ->
                    CHINESE[random.nextInt(CHINESE.length)]
                            + " "
                            + CHINESE[random.nextInt(CHINESE.length)];
            case 18 -> "title:" + topic();
            default -> topic() + " " + topic() + " " + place();
        };
    }

    /** {@code n} articles: about one in ten Chinese, the rest English, 150 to 500 words each. */
    public List<ArticleClassified> articles(int n, Instant now) {
        List<ArticleClassified> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean chinese = random.nextInt(10) == 0;
            out.add(article("https://bench" + (i % 40) + ".example/a/" + i, chinese, "", now));
        }
        return out;
    }

    /** An article; {@code extra} is added to its text (a probe word). */
    public ArticleClassified article(String url, boolean chinese, String extra, Instant now) {
        String title = chinese ? chineseText(12) : text(9);
        String text =
                (chinese ? chineseText(200 + random.nextInt(400)) : text(150 + random.nextInt(350)))
                        + " "
                        + extra;
        return classified(URI.create(url), title, text, chinese ? "zh" : "en", now);
    }

    private String text(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w =
                    random.nextInt(100) < 70
                            ? COMMON[zipf(COMMON.length)]
                            : content[zipf(content.length)];
            b.append(w).append(i % 17 == 16 ? ". " : " ");
        }
        return b.toString().strip();
    }

    private String chineseText(int chars) {
        StringBuilder b = new StringBuilder();
        String filler = "的是在了和有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经";
        while (b.length() < chars) {
            b.append(
                    random.nextInt(6) == 0
                            ? CHINESE[random.nextInt(CHINESE.length)]
                            : filler.charAt(random.nextInt(filler.length())));
            if (random.nextInt(25) == 0) {
                b.append('。');
            }
        }
        return b.toString();
    }

    /** A word people put in an alert: a topic word sometimes, more often a name. */
    private String topic() {
        return random.nextInt(4) == 0 ? TOPIC[random.nextInt(TOPIC.length)] : name();
    }

    private String place() {
        return random.nextInt(3) == 0 ? PLACES[random.nextInt(PLACES.length)] : name();
    }

    /**
     * A content word from rank 200 on (alerts name specific things: people, places, topics, not the
     * commonest words), uniform over the log of its rank: most are rare, some are common.
     */
    private String name() {
        double u = random.nextDouble();
        int rank = (int) Math.floor(200 * Math.exp(u * Math.log(content.length / 200.0)));
        return content[Math.min(content.length - 1, rank)];
    }

    private static String prefix(String word) {
        return word.length() <= 5 ? word : word.substring(0, word.length() - 2);
    }

    /** An index in [0, n), small ones more often (roughly 1/rank). */
    private int zipf(int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, u)) - 1);
    }

    /** A classified article as the classifier would publish it: a new story of its own. */
    static ArticleClassified classified(
            URI url, String title, String text, String language, Instant now) {
        String id = io.vigil.core.url.ArticleIds.of(url);
        ArticleFetched fetched =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        id,
                        "bench",
                        url,
                        url,
                        url,
                        title,
                        text,
                        List.of(),
                        now,
                        null,
                        language,
                        language,
                        null,
                        url.getHost(),
                        null,
                        List.of(),
                        ArticleFetched.Access.OPEN,
                        null,
                        new ArticleFetched.Fetch(200, "text/html", text.length(), now, "0"));
        ArticleAccepted accepted =
                new ArticleAccepted(
                        ArticleAccepted.SCHEMA,
                        id,
                        fetched,
                        ArticleAccepted.Outcome.NEW_STORY,
                        id,
                        null,
                        1.0,
                        id,
                        1,
                        List.of(url.getHost()));
        return new ArticleClassified(
                ArticleClassified.SCHEMA,
                id,
                accepted,
                new DetectedLanguage(language, 0.99),
                List.of(),
                List.of(),
                List.of(),
                null,
                "bench",
                now);
    }
}
