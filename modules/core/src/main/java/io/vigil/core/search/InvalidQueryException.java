package io.vigil.core.search;

/**
 * A search request that cannot be run: a malformed or too costly {@code q}, or a bad parameter.
 * Answered with 400 and a problem body; for a syntax error, with where it is.
 */
public final class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final Integer line;
    private final Integer column;
    private final Integer position;

    /**
     * @param parameter the request parameter at fault, e.g. {@code q}
     * @param line 1-based line of the error in {@code q}, or null
     * @param column 1-based column, or null
     * @param position 0-based character offset, or null
     */
    public InvalidQueryException(
            String parameter, String message, Integer line, Integer column, Integer position) {
        super(message);
        this.parameter = parameter;
        this.line = line;
        this.column = column;
        this.position = position;
    }

    /** A bad parameter, without a position. */
    public static InvalidQueryException of(String parameter, String message) {
        return new InvalidQueryException(parameter, message, null, null, null);
    }

    public String parameter() {
        return parameter;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    public Integer position() {
        return position;
    }
}
