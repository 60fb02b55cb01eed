package io.vigil.alerting.notify;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * What is worth another try, decided in one place, and the tries themselves: a fixed number of
 * attempts with exponential backoff.
 */
final class Retries {

    /** A channel's try. */
    interface Send {
        Attempt attempt() throws InterruptedException;
    }

    private final int attempts;
    private final Duration backoff;

    Retries(int attempts, Duration backoff) {
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** Tries until delivered, a permanent failure, or the attempts are spent. */
    Attempt run(Send send) throws InterruptedException {
        Attempt last = null;
        long wait = backoff.toMillis();
        for (int i = 1; i <= attempts; i++) {
            last = send.attempt();
            if (last.result() != Attempt.Result.RETRIABLE) {
                return last;
            }
            if (i < attempts) {
                Thread.sleep(wait);
                wait *= 2;
            }
        }
        return Attempt.permanent("gave up after " + attempts + " attempts: " + last.detail());
    }

    /** An HTTP status: 2xx delivered; 408, 425, 429 and 5xx again; other statuses never. */
    static Attempt ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return Attempt.delivered("HTTP " + status);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return Attempt.retriable("HTTP " + status);
        }
        return Attempt.permanent("HTTP " + status);
    }

    /** A transport failure: a time-out or refused connection is worth another try. */
    static Attempt ofIo(IOException e) {
        String detail = e instanceof HttpTimeoutException ? "timed out" : e.toString();
        return Attempt.retriable(detail);
    }

    /** A mail failure: a message that cannot be built or credentials refused never get better. */
    static Attempt ofMail(MailException e) {
        if (e instanceof MailParseException
                || e instanceof MailPreparationException
                || e instanceof MailAuthenticationException) {
            return Attempt.permanent(e.getMessage());
        }
        return Attempt.retriable(String.valueOf(e.getMessage()));
    }
}
