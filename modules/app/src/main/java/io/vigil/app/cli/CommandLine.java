package io.vigil.app.cli;

import io.vigil.app.AppSettings;
import io.vigil.app.VigilApplication;
import io.vigil.app.ops.ReplayCommand;
import io.vigil.app.ops.StatusCommand;
import io.vigil.app.security.UserCommand;
import io.vigil.classifier.training.TrainCommand;
import io.vigil.crawler.backfill.ImportCommand;
import io.vigil.crawler.discovery.DiscoverCommand;
import io.vigil.crawler.feed.FeedCommand;
import io.vigil.crawler.page.ExtractCommand;
import io.vigil.export.cli.ExportCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * {@code vigil <command>}: parses the command and hands over to the right runner. Spring arguments
 * ({@code --name=value}) pass through to the application.
 */
public final class CommandLine {

    /** Returned when the command started the long-running application. */
    public static final int KEEP_RUNNING = -1;

    static final String USAGE =
            """
            usage: vigil <command> [options]

              start [--roles r1,r2]   start the embedded stack (unless external clusters are
                                      configured) and the app; UI and API on http://127.0.0.1:8080
              demo                    the same, on the offline demo profile (data under data/demo)
              extract <file|dir|url>... [--url URL]
                                      extract articles from HTML files (.html, .html.gz;
                                      directories recursively) or URLs, one JSON line each
              bench <name> [--data DIR]
                                      run a benchmark; its last line is '<name>: key=value ...'
              status [--watch [SECONDS]]
                                      per stage: lag, records/s, dead letters; feeds by health;
                                      articles indexed; alerts delivered
              import <file.jsonl|file.warc.gz|dir>... [--alert]
                                      back-fill historical articles through dedup,
                                      classification and indexing (no alerts unless --alert);
                                      resumable: run it again after an interruption
              replay --stage <stage> --from <start|offset|date> [--dry-run]
                                      process a stopped stage's input again from a point
              feed <url|file> [--allow ADDRESS]
                                      fetch and parse a feed as the crawler does; JSON Lines:
                                      the feed, then one line per entry
              discover <site-url>... [--allow ADDRESS]
                                      find the feeds of a site (tab-separated: url, format,
                                      entries, title); --allow permits a private address
              export --out FILE [--query Q] [--from D] [--to D] [--lang ..] [--source ..]
                     [--country ..] [--topic T] [--theme T] [--story S] [--min-relevance R]
                     [--format csv|jsonl|parquet] [--gzip] [--fields f1,f2|all] [--text]
                     [--manifest FILE]
                                      every matching article to a file, with a manifest
                                      (query, snapshot, data dictionary, SHA-256) beside it;
                                      resumable: run it again after an interruption
              train [--topics DIR] [--data DIR] [--out DIR] [--feedback-from HOST:PORT]
                                      train each topic's relevance model from the labelled
                                      set (and analysts' feedback); writes data/models/
              user add <name> [--role admin|analyst|viewer] [--password-stdin] [--api-key]
                                      add a user to a running Vigil (a random password is
                                      printed unless --password-stdin); user list
              help                    this text

            roles: crawler, pipeline, indexer, alerting, api (default: all)
            any --spring.property=value is passed to the application
            """;

    private CommandLine() {}

    public static int run(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String command = args[0];
        if (!command.equals("start") && !command.equals("demo")) {
            quietLogging(); // one-shot commands print results; per-item warnings would drown them
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            return switch (command) {
                case "start" -> start(rest, false);
                case "demo" -> start(rest, true);
                case "bench" -> Benchmarks.run(rest, out, err);
                case "discover" -> DiscoverCommand.run(rest, out, err);
                case "extract" -> ExtractCommand.run(rest, out, err);
                case "train" -> TrainCommand.run(rest, out, err);
                case "feed" -> FeedCommand.run(rest, out, err);
                case "status" -> StatusCommand.run(rest, out, err);
                case "import" -> ImportCommand.run(rest, out, err);
                case "replay" -> ReplayCommand.run(rest, out, err);
                case "export" -> ExportCommand.run(rest, out, err);
                case "user" -> UserCommand.run(rest, out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("vigil: unknown command '" + command + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("vigil: " + e.getMessage());
            return 2;
        }
    }

    static int start(List<String> args, boolean demo) {
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--roles") || arg.startsWith("--roles=")) {
                String value =
                        arg.contains("=")
                                ? arg.substring(arg.indexOf('=') + 1)
                                : next(args, ++i, "--roles");
                springArgs.add("--vigil.app.roles=" + roles(value));
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        SpringApplication app = new SpringApplication(VigilApplication.class);
        if (demo) {
            app.setAdditionalProfiles("demo");
        }
        app.run(springArgs.toArray(String[]::new));
        return KEEP_RUNNING;
    }

    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** Validates a comma-separated role list and returns it normalised. */
    static String roles(String value) {
        List<String> names = new ArrayList<>();
        for (String raw : value.split(",")) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            try {
                AppSettings.Role.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException(
                        "unknown role '"
                                + raw.trim()
                                + "'; roles are "
                                + Arrays.toString(AppSettings.Role.values())
                                        .toLowerCase(Locale.ROOT));
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return String.join(",", names);
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /** A command line that cannot be run; its message says why. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
