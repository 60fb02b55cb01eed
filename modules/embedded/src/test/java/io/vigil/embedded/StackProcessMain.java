package io.vigil.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Test helper run as a separate JVM by {@link EmbeddedStackIT}: starts the stack on free ports in
 * the given data directory, creates a topic, prints {@code READY <es-pid> <es-uri>} and waits to be
 * killed.
 */
public final class StackProcessMain {

    private StackProcessMain() {}

    public static void main(String[] args) throws Exception {
        EmbeddedStack stack =
                EmbeddedStack.start(
                        EmbeddedProperties.defaults(Path.of(args[0])).withFreePorts(), true, true);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic("persisted", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        System.out.println("READY " + stack.elasticsearchPid() + " " + stack.elasticsearchUri());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
