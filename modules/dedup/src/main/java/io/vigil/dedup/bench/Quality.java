package io.vigil.dedup.bench;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.url.ArticleIds;
import io.vigil.dedup.bench.SyndicationSet.Doc;
import io.vigil.dedup.bench.SyndicationSet.Kind;
import io.vigil.dedup.bench.SyndicationSet.Original;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Runs the labelled set through the stage and scores the stories it forms. */
record Quality(Scores scores) {

    static Quality measure(
            StageDriver stage, List<Doc> docs, List<Original> originals, PrintStream out) {
        List<ArticleAccepted> accepted = new ArrayList<>();
        for (Doc d : docs) {
            stage.send(d.article());
        }
        accepted.addAll(stage.received());
        Map<String, String> predicted = DedupBenchmark.stories(accepted);
        Map<String, Integer> truth = new HashMap<>();
        Map<String, Doc> byId = new HashMap<>();
        for (Doc d : docs) {
            String id = ArticleIds.of(d.article().canonicalUrl());
            truth.put(id, d.story());
            byId.putIfAbsent(id, d);
        }
        Scores scores = Scores.of(predicted, truth);
        out.printf(
                Locale.ROOT,
                "stage: %d inputs -> %d outputs, %d distinct articles (truth %d), %d stories (truth"
                        + " %d)%n",
                docs.size(),
                accepted.size(),
                predicted.size(),
                truth.size(),
                new HashSet<>(predicted.values()).size(),
                new HashSet<>(truth.values()).size());
        out.printf(
                Locale.ROOT,
                "pairs: predicted %d, true %d; precision %.4f recall %.4f purity %.4f%n",
                scores.predictedPairs(),
                scores.truePairs(),
                scores.precision(),
                scores.recall(),
                scores.purity());
        kindRecall(predicted, byId, out);
        hardNegatives(predicted, byId, originals, out);
        return new Quality(scores);
    }

    /** Per kind: the share of documents placed in the story of their original. */
    private static void kindRecall(
            Map<String, String> predicted, Map<String, Doc> byId, PrintStream out) {
        Map<Integer, String> originalStory = new HashMap<>();
        byId.forEach(
                (id, d) -> {
                    if (d.kind() == Kind.ORIGINAL) {
                        originalStory.put(d.story(), predicted.get(id));
                    }
                });
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
        byId.forEach(
                (id, d) -> {
                    int[] c = counts.computeIfAbsent(d.kind(), k -> new int[2]);
                    c[1]++;
                    if (predicted.get(id) != null
                            && predicted.get(id).equals(originalStory.get(d.story()))) {
                        c[0]++;
                    }
                });
        StringBuilder line = new StringBuilder("with their original:");
        counts.forEach(
                (k, c) -> line.append(String.format(Locale.ROOT, " %s %d/%d", k, c[0], c[1])));
        out.println(line);
    }

    /**
     * Wrongly merged pairs that share an outlet, and how the originals most alike in vocabulary
     * (the same subject) fared.
     */
    private static void hardNegatives(
            Map<String, String> predicted,
            Map<String, Doc> byId,
            List<Original> originals,
            PrintStream out) {
        List<String> ids = new ArrayList<>(byId.keySet());
        int sameOutlet = 0;
        int sameOutletMerged = 0;
        int otherMerged = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                Doc a = byId.get(ids.get(i));
                Doc b = byId.get(ids.get(j));
                if (a.story() == b.story()) {
                    continue;
                }
                boolean outlet =
                        a.article().siteName().equals(b.article().siteName())
                                || a.article().url().getHost().equals(b.article().url().getHost());
                boolean merged = predicted.get(ids.get(i)).equals(predicted.get(ids.get(j)));
                if (outlet) {
                    sameOutlet++;
                    sameOutletMerged += merged ? 1 : 0;
                } else {
                    otherMerged += merged ? 1 : 0;
                }
            }
        }
        out.printf(
                Locale.ROOT,
                "hard negatives: %d pairs of different stories from one outlet, %d merged; other"
                        + " wrong merges %d%n",
                sameOutlet,
                sameOutletMerged,
                otherMerged);
        List<Set<String>> vocab = new ArrayList<>();
        for (Original o : originals) {
            Set<String> words = new HashSet<>();
            for (String w : o.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.length() > 3) {
                    words.add(w);
                }
            }
            vocab.add(words);
        }
        int similar = 0;
        double most = 0;
        for (int i = 0; i < vocab.size(); i++) {
            for (int j = i + 1; j < vocab.size(); j++) {
                Set<String> inter = new HashSet<>(vocab.get(i));
                inter.retainAll(vocab.get(j));
                double jac =
                        inter.size()
                                / (double)
                                        (vocab.get(i).size() + vocab.get(j).size() - inter.size());
                most = Math.max(most, jac);
                if (jac >= 0.15) {
                    similar++;
                }
            }
        }
        out.printf(
                Locale.ROOT,
                "same subject: %d pairs of originals share >= 15%% of their vocabulary (most %.2f);"
                        + " none of them may merge, counted in the wrong merges above%n",
                similar,
                most);
    }
}
