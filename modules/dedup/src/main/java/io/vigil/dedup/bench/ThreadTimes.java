package io.vigil.dedup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by name, Java and native (RocksDB's) alike, from Linux's
 * {@code /proc/self/task}; empty elsewhere. Threads of one kind (numbered names) count together.
 */
final class ThreadTimes {

    /** Clock ticks per second of {@code /proc} times on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private ThreadTimes() {}

    /** Milliseconds of CPU used so far, by thread kind. */
    static Map<String, Long> byName() {
        Map<String, Long> times = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return times;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    times.merge(name, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return times;
        }
        return times;
    }

    /**
     * The kinds that used the most CPU since {@code before}, most first (at most eight). The
     * bench's own threads are left out: one that ended before this call is gone from /proc.
     */
    static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> used = new HashMap<>();
        byName().forEach((k, v) -> used.put(k, v - before.getOrDefault(k, 0L)));
        Map<String, Long> top = new LinkedHashMap<>();
        used.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !e.getKey().startsWith("bench-"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
