package io.vigil.crawler.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit, cancelling the stream (and so closing the
 * connection) the moment the limit is passed, and records when the last bytes arrived so the caller
 * can enforce a read timeout.
 */
final class BodyCollector implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean tooLarge;

    BodyCollector(long maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        if (declaredLength > maxBytes) {
            tooLarge = true;
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (tooLarge) {
            s.cancel();
            result.complete(new byte[0]);
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastActivityNanos = System.nanoTime();
        if (tooLarge) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (buffer.size() + (long) n > maxBytes) {
                tooLarge = true;
                subscription.cancel();
                result.complete(new byte[0]);
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.complete(new byte[0]);
    }
}
