package io.vigil.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher<String> m, String text) {
        List<String> values = new ArrayList<>();
        m.find(TextAnalyzer.INSTANCE.tokens(text), (v, n) -> values.add(v + ":" + n));
        return values;
    }

    /** Matches do not overlap: "forced organ" takes the tokens "organ harvesting" would start. */
    @Test
    void wordsPhrasesAndPrefixes() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("organ harvesting", "oh");
        m.add("transplant*", "tx");
        m.add("forced organ*", "fo");
        assertThat(found(m, "Forced organ harvesting and transplants; organ harvesting."))
                .containsExactly("fo:2", "tx:1", "oh:2");
        assertThat(found(m, "An organ recital")).isEmpty();
    }

    @Test
    void longestMatchWinsAndTiesReportEverySet() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("falun", "short");
        m.add("falun gong", "long");
        m.add("wartezeit*", "transplant");
        m.add("wartezeit*", "waiting");
        assertThat(found(m, "Falun Gong")).containsExactly("long:2");
        assertThat(found(m, "Die Wartezeiten sind kurz"))
                .containsExactly("transplant:1", "waiting:1");
    }

    @Test
    void accentsFoldAndChineseMatchesInsideRunningText() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("Ürümqi", "city");
        m.add("活摘", "harvest");
        m.add("法轮功", "fg");
        assertThat(found(m, "in URUMQI today")).containsExactly("city:1");
        assertThat(found(m, "中共活摘法轮功学员器官")).containsExactly("harvest:2", "fg:3");
        assertThat(found(m, "活动")).isEmpty();
    }

    @Test
    void koreanNounsMatchWithParticles() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("중국", "china");
        m.add("장기 적출", "harvest");
        assertThat(found(m, "중국은 장기를 적출했다는 의혹")).containsExactly("china:1", "harvest:2");
    }
}
