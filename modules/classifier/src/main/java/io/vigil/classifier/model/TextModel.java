package io.vigil.classifier.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A trainable relevance model for one topic: Apache OpenNLP's document categorizer (maximum entropy
 * over word unigrams and bigrams of the analysed text; Chinese and Japanese text gives character
 * unigrams and bigrams). It answers the probability that a text is relevant.
 *
 * <p>Training is deterministic (GIS, fixed iterations and cut-off, the samples in the order given),
 * so the same labelled set gives the same model. Thread-safe: each thread gets its own categorizer
 * over the shared model.
 */
public final class TextModel {

    private static final String RELEVANT = "relevant";
    private static final String IRRELEVANT = "irrelevant";
    private static final int ITERATIONS = 150;
    private static final int CUTOFF = 2;

    /** Tokens of a text the model looks at: enough for the lead and a few paragraphs. */
    private static final int MAX_TOKENS = 600;

    private final DoccatModel model;
    private final ThreadLocal<Categorizer> categorizer;

    private TextModel(DoccatModel model) {
        this.model = model;
        this.categorizer = ThreadLocal.withInitial(() -> new Categorizer(model));
    }

    /** A labelled text: its analysed tokens and whether it is relevant. */
    public record Sample(List<String> tokens, boolean relevant) {
        public Sample {
            tokens = List.copyOf(tokens);
        }
    }

    /**
     * Trains a model. Needs both relevant and irrelevant samples.
     *
     * @throws IllegalArgumentException when one class has no samples
     */
    public static TextModel train(List<Sample> samples) {
        long relevant = samples.stream().filter(Sample::relevant).count();
        if (relevant == 0 || relevant == samples.size()) {
            throw new IllegalArgumentException(
                    "training needs relevant and irrelevant samples; got "
                            + relevant
                            + " relevant of "
                            + samples.size());
        }
        List<DocumentSample> docs = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            docs.add(new DocumentSample(s.relevant() ? RELEVANT : IRRELEVANT, head(s.tokens())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        params.put("PrintMessages", false);
        try {
            DoccatModel model =
                    DocumentCategorizerME.train(
                            "vigil",
                            ObjectStreamUtils.createObjectStream(docs),
                            params,
                            new DoccatFactory(features()));
            return new TextModel(model);
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e);
        }
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static TextModel fromBytes(byte[] bytes) {
        try {
            return new TextModel(new DoccatModel(new ByteArrayInputStream(bytes)));
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException("not a text model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a text model", e);
        }
    }

    /** The model as bytes (OpenNLP's model format). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a text model", e);
        }
        return out.toByteArray();
    }

    /**
     * The model's weights as text (feature, outcome indices and weights, in feature order): equal
     * for equal models, whatever the serialisation's time stamps.
     */
    @SuppressWarnings("unchecked")
    public String weightsFingerprint() {
        MaxentModel maxent = model.getMaxentModel();
        if (!(maxent instanceof AbstractModel abstractModel)) {
            return maxent.toString();
        }
        Object[] data = abstractModel.getDataStructures();
        Map<String, Context> features = new TreeMap<>((Map<String, Context>) data[1]);
        StringBuilder s = new StringBuilder();
        s.append(String.join(",", (String[]) data[2])).append('\n');
        features.forEach(
                (feature, context) ->
                        s.append(feature)
                                .append(' ')
                                .append(Arrays.toString(context.getOutcomes()))
                                .append(Arrays.toString(context.getParameters()))
                                .append('\n'));
        return s.toString();
    }

    /** The probability that a text with these tokens is relevant. */
    public double relevance(List<String> tokens) {
        return categorizer.get().relevance(head(tokens));
    }

    private static String[] head(List<String> tokens) {
        int n = Math.min(tokens.size(), MAX_TOKENS);
        return tokens.subList(0, n).toArray(String[]::new);
    }

    private static FeatureGenerator[] features() {
        try {
            return new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)
            };
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Categorizer {
        private final DocumentCategorizerME me;
        private final int relevantIndex;

        Categorizer(DoccatModel model) {
            this.me = new DocumentCategorizerME(model);
            this.relevantIndex = me.getIndex(RELEVANT);
        }

        double relevance(String[] tokens) {
            if (tokens.length == 0) {
                return 0.5;
            }
            return me.categorize(tokens)[relevantIndex];
        }
    }
}
