package io.vigil.classifier.topic;

/** A topic definition that cannot be used; the message names the file and what is wrong. */
public final class InvalidTopicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTopicException(String message) {
        super(message);
    }
}
