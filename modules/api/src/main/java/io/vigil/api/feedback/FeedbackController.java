package io.vigil.api.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vigil.api.search.ArticleSearch;
import io.vigil.api.source.RecordPublisher;
import io.vigil.core.event.RelevanceFeedback;
import io.vigil.core.kafka.Topics;
import io.vigil.core.search.ArticleDocument;
import io.vigil.core.search.InvalidQueryException;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/articles/{id}/feedback}: an analyst's "relevant / not relevant" for a topic,
 * published to {@code vigil.relevance-feedback} (compacted: a new judgement replaces the old),
 * where {@code vigil train --feedback-from} reads it.
 */
@RestController
@Tag(name = "articles")
public class FeedbackController {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";

    private final ArticleSearch search;
    private final RecordPublisher publisher;
    private final Topics topics;

    public FeedbackController(ArticleSearch search, RecordPublisher publisher, Topics topics) {
        this.search = search;
        this.publisher = publisher;
        this.topics = topics;
    }

    /**
     * A judgement as the client sends it.
     *
     * @param topic the topic id
     * @param relevant whether the article is relevant to it
     * @param themes the themes it touches, or null
     */
    public record Judgement(String topic, Boolean relevant, List<String> themes) {}

    @PostMapping(path = "/api/articles/{id}/feedback", produces = "application/json")
    @Operation(summary = "Marks an article relevant or not relevant to a topic")
    public RelevanceFeedback judge(
            @PathVariable String id, @RequestBody Judgement judgement, Principal user)
            throws IOException {
        if (judgement.topic() == null || !judgement.topic().matches(NAME)) {
            throw InvalidQueryException.of("topic", "A judgement needs a valid topic id.");
        }
        if (judgement.relevant() == null) {
            throw InvalidQueryException.of(
                    "relevant", "Say whether it is relevant: true or false.");
        }
        if (!id.matches(NAME)) {
            throw InvalidQueryException.of("id", "Not a valid article id: " + id);
        }
        ArticleDocument article = search.find(id);
        if (article == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id);
        }
        RelevanceFeedback feedback =
                new RelevanceFeedback(
                        RelevanceFeedback.SCHEMA,
                        judgement.topic(),
                        id,
                        judgement.relevant(),
                        judgement.themes(),
                        article.language(),
                        article.title(),
                        article.text(),
                        user == null ? "anonymous" : user.getName(),
                        Instant.now());
        publisher.publish(
                topics.relevanceFeedback(), 1, feedback.key(), feedback, RelevanceFeedback.class);
        return feedback;
    }
}
