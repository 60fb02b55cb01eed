package io.vigil.export.web;

import io.vigil.core.search.InvalidQueryException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of {@code /api/exports} as RFC 9457 problem JSON, like the search API's: a malformed query
 * with where it is wrong; an unknown format or field.
 */
@RestControllerAdvice(basePackageClasses = ExportExceptionHandler.class)
public class ExportExceptionHandler {

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid export request");
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

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badParameter(IllegalArgumentException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid export request");
        return problem;
    }
}
