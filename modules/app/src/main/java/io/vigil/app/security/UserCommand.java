package io.vigil.app.security;

import io.vigil.core.kafka.Topics;
import io.vigil.core.user.User;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code vigil user add <name> [--role admin|analyst|viewer] [--password-stdin] [--api-key]
 * [--replace] [--kafka HOST:PORT] [--topic-prefix P]}: writes a user to {@code vigil.users} on a
 * running Vigil's Kafka ({@code VIGIL_KAFKA}, else the local embedded broker at 127.0.0.1:9092).
 * Without {@code --password-stdin} a random password is made and printed once; {@code --api-key}
 * also makes and prints an API key. {@code vigil user list} lists the users.
 */
public final class UserCommand {

    static final String USAGE =
            "usage: vigil user add <name> [--role admin|analyst|viewer] [--password-stdin]"
                    + " [--api-key] [--replace] [--kafka HOST:PORT] [--topic-prefix P]\n"
                    + "       vigil user list [--kafka HOST:PORT] [--topic-prefix P]";

    private UserCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !(args.get(0).equals("add") || args.get(0).equals("list"))) {
            err.println(USAGE);
            return 2;
        }
        boolean add = args.get(0).equals("add");
        Map<String, String> options = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--password-stdin", "--api-key", "--replace" -> options.put(a, "true");
                case "--role", "--kafka", "--topic-prefix" -> {
                    if (i + 1 >= args.size()) {
                        err.println("vigil user: " + a + " needs a value");
                        return 2;
                    }
                    options.put(a, args.get(++i));
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("vigil user: unknown option " + a + "\n" + USAGE);
                        return 2;
                    }
                    names.add(a);
                }
            }
        }
        if (add && names.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        String kafka = options.getOrDefault("--kafka", env("VIGIL_KAFKA", "127.0.0.1:9092"));
        Topics topics = new Topics(options.getOrDefault("--topic-prefix", ""));
        Map<String, Object> client = Map.of("bootstrap.servers", kafka);
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        try {
            UsersTopic.ensure(kafka, client, topics.users());
            try (UserStore store = UserStore.open(topics, client, client, Duration.ofSeconds(30))) {
                if (!add) {
                    store.all()
                            .forEach(
                                    u ->
                                            out.println(
                                                    u.username()
                                                            + "\t"
                                                            + u.role()
                                                                    .name()
                                                                    .toLowerCase(Locale.ROOT)
                                                            + "\t"
                                                            + u.apiKeys().size()
                                                            + " API key(s)"));
                    return 0;
                }
                return add(store, names.get(0), options, in, encoder, out, err);
            }
        } catch (IllegalStateException e) {
            err.println(
                    "vigil user: cannot reach Kafka at "
                            + kafka
                            + " ("
                            + e.getMessage()
                            + "); start Vigil first, or set vigil.security.admin-password"
                            + " before the first start");
            return 1;
        }
    }

    private static int add(
            UserStore store,
            String name,
            Map<String, String> options,
            InputStream in,
            PasswordEncoder encoder,
            PrintStream out,
            PrintStream err) {
        if (store.find(name) != null && !options.containsKey("--replace")) {
            err.println("vigil user: " + name + " exists; --replace to replace it");
            return 1;
        }
        String password;
        boolean generated = !options.containsKey("--password-stdin");
        if (generated) {
            password = ApiKeys.password();
        } else {
            try {
                password =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                                .readLine();
            } catch (java.io.IOException e) {
                err.println("vigil user: cannot read the password: " + e.getMessage());
                return 1;
            }
        }
        User user;
        try {
            user =
                    UserController.newUser(
                            new UserController.NewUser(
                                    name, password, options.getOrDefault("--role", "viewer")),
                            encoder);
        } catch (org.springframework.web.server.ResponseStatusException e) {
            err.println("vigil user: " + e.getReason());
            return 2;
        }
        String key = null;
        if (options.containsKey("--api-key")) {
            key = ApiKeys.generate();
            user =
                    new User(
                            User.SCHEMA,
                            user.username(),
                            user.passwordHash(),
                            user.role(),
                            List.of(ApiKeys.record(key, "vigil user add", Instant.now())),
                            user.createdAt(),
                            user.updatedAt());
        }
        store.save(user);
        out.println(
                "user "
                        + user.username()
                        + " ("
                        + user.role().name().toLowerCase(Locale.ROOT)
                        + ") saved");
        if (generated) {
            out.println("password: " + password);
        }
        if (key != null) {
            out.println("api key: " + key);
        }
        return 0;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
