package io.vigil.elasticsearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Runs one single-node Elasticsearch in this JVM; started as a child process by the embedded
 * module.
 *
 * <p>Elasticsearch's own bootstrap refuses to run as root and insists on a full distribution, so
 * this builds the node directly. The node binds to 127.0.0.1 only: it has no security layer.
 *
 * <p>The parent keeps this process's standard input open. When it closes (the parent exited, even
 * by {@code kill -9}), the node shuts down and the process exits, so it never outlives the parent.
 *
 * <p>Arguments: {@code --home DIR --data DIR --logs DIR --port N [--cluster NAME] [--setting
 * key=value]...}
 */
public final class NodeMain {

    private NodeMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path home = Path.of(require(options, "home")).toAbsolutePath();
        Path data = Path.of(require(options, "data")).toAbsolutePath();
        Path logs = Path.of(require(options, "logs")).toAbsolutePath();
        Path config = data.resolveSibling(data.getFileName() + "-config");
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("plugins"));
        String nodeName = options.getOrDefault("cluster", "vigil") + "-node";

        Settings.Builder builder =
                Settings.builder()
                        .put("path.home", home.toString())
                        .put("path.data", data.toString())
                        .put("path.logs", logs.toString())
                        .put("cluster.name", options.getOrDefault("cluster", "vigil"))
                        .put("node.name", nodeName)
                        .put("discovery.type", "single-node")
                        .put("network.host", "127.0.0.1")
                        .put("http.port", require(options, "port"))
                        .put("transport.port", "0")
                        .put("cluster.routing.allocation.disk.threshold_enabled", "false");
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().startsWith("setting.")) {
                builder.put(e.getKey().substring("setting.".length()), e.getValue());
            }
        }
        Settings settings = builder.build();

        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment env =
                InternalSettingsPreparer.prepareEnvironment(
                        settings, Map.of(), config, () -> nodeName);
        PluginsLoader plugins =
                PluginsLoader.createPluginsLoader(
                        PluginsLoader.loadModulesBundles(env.modulesDir()),
                        PluginsLoader.loadPluginsBundles(env.pluginsDir()),
                        Map.of());
        Node node = new Node(env, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop =
                () -> {
                    try {
                        node.close();
                        node.awaitClose(20, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        System.err.println("vigil-es: error while stopping: " + e);
                    } finally {
                        stopped.countDown();
                    }
                };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "vigil-es-shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            System.err.println("vigil-es: node failed to start: " + e);
            e.printStackTrace(System.err);
            Runtime.getRuntime().halt(1);
        }
        System.out.println("vigil-es: node started, http on 127.0.0.1:" + options.get("port"));
        watchParent(System.in);
    }

    /**
     * Blocks until the parent closes our standard input, then exits (running the shutdown hook).
     */
    private static void watchParent(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything it does write is ignored
            }
        } catch (IOException e) {
            System.err.println("vigil-es: lost the parent's pipe: " + e);
        }
        System.out.println("vigil-es: parent gone, stopping");
        System.exit(0);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + arg);
            }
            String name = arg.substring(2);
            String value = args[++i];
            if (name.equals("setting")) {
                int eq = value.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--setting needs key=value, got " + value);
                }
                options.put("setting." + value.substring(0, eq), value.substring(eq + 1));
            } else {
                options.put(name, value);
            }
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
