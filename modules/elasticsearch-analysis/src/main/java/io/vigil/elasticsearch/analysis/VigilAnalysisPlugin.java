package io.vigil.elasticsearch.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers Lucene's language analyzers in the embedded node under the names that a stock
 * Elasticsearch cluster provides through its analysis-common and analysis-smartcn modules, so one
 * index template serves both the embedded node and production clusters.
 *
 * <p>The analysis-common module is not published on Maven Central for 8.x, which is why we need
 * this at all. Only names that a production cluster also knows are registered: {@code english},
 * {@code cjk}, ... from analysis-common, and {@code smartcn} from the analysis-smartcn plugin.
 */
public class VigilAnalysisPlugin extends Plugin implements AnalysisPlugin {

    /** Analyzer name to its factory; the names are those of a stock cluster. */
    static final Map<String, Supplier<Analyzer>> ANALYZERS =
            Map.ofEntries(
                    Map.entry("english", EnglishAnalyzer::new),
                    Map.entry("french", FrenchAnalyzer::new),
                    Map.entry("german", GermanAnalyzer::new),
                    Map.entry("spanish", SpanishAnalyzer::new),
                    Map.entry("italian", ItalianAnalyzer::new),
                    Map.entry("portuguese", PortugueseAnalyzer::new),
                    Map.entry("russian", RussianAnalyzer::new),
                    Map.entry("arabic", ArabicAnalyzer::new),
                    Map.entry("cjk", CJKAnalyzer::new),
                    Map.entry("smartcn", SmartChineseAnalyzer::new));

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return ANALYZERS.entrySet().stream()
                .map(
                        e ->
                                new PreBuiltAnalyzerProviderFactory(
                                        e.getKey(), CachingStrategy.ONE, e.getValue()))
                .toList();
    }
}
