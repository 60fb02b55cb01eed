package io.vigil.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.vigil.api.source.RecordPublisher;
import io.vigil.core.search.InvalidQueryException;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the API as RFC 9457 problem JSON: a malformed query with where it is wrong, a query
 * Elasticsearch refused, Elasticsearch unreachable; Spring's own (missing or mistyped parameters)
 * through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid search request");
        problem.setType(URI.create("https://vigil.io/problems/invalid-query"));
        problem.setProperty("parameter", e.parameter());
        if (e.line() != null) {
            problem.setProperty("line", e.line());
            problem.setProperty("column", e.column());
        }
        if (e.position() != null) {
            problem.setProperty("position", e.position());
        }
        return problem;
    }

    @ExceptionHandler(ElasticsearchException.class)
    ProblemDetail elasticsearch(ElasticsearchException e) {
        if (e.status() == 400) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason(e));
            problem.setTitle("Elasticsearch refused the query");
            problem.setProperty("parameter", "q");
            return problem;
        }
        LOG.warn("Search failed: {}", reason(e));
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The search failed; try again later.");
    }

    @ExceptionHandler(RecordPublisher.PublishFailedException.class)
    ProblemDetail unpublished(RecordPublisher.PublishFailedException e) {
        LOG.warn("Write refused: {}", e.toString());
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not take the change; try again later.");
    }

    @ExceptionHandler(IOException.class)
    ProblemDetail unreachable(IOException e) {
        LOG.warn("Elasticsearch unreachable: {}", e.toString());
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The search service is unreachable; try again later.");
    }

    private static String reason(ElasticsearchException e) {
        var error = e.error();
        var cause = error.rootCause().isEmpty() ? error : error.rootCause().get(0);
        return cause.type() + ": " + cause.reason();
    }
}
