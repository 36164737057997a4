package chuantou.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community with only the Bolt connector, as the project's own database server.
 *
 * Usage: Launcher --home DIR --bolt HOST:PORT [--pagecache SIZE] [--setting key=value ...]
 *
 * The heap is sized by the JVM's -Xmx, chosen by the caller. On start-up the launcher prints one
 * line "CHUANTOU_NEO4J_READY <port>" once the default database answers, so the caller does not
 * have to poll; SIGTERM/SIGINT run the shutdown hook, which checkpoints and closes the store.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Path home = null;
        String host = "127.0.0.1";
        int port = 7687;
        Map<String, String> raw = new LinkedHashMap<>();
        // Auth stays off because the server listens on loopback only; a shared server is an
        // existing Neo4j reached through NEO4J_URI, with its own users.
        raw.put("dbms.security.auth_enabled", "false");
        raw.put("server.memory.pagecache.size", "512m");
        raw.put("db.tx_log.rotation.retention_policy", "2 files");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--bolt" -> {
                    String[] hp = args[++i].split(":");
                    host = hp[0];
                    port = Integer.parseInt(hp[1]);
                }
                case "--pagecache" -> raw.put("server.memory.pagecache.size", args[++i]);
                case "--setting" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    raw.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            System.err.println("--home DIR is required");
            System.exit(2);
        }
        Files.createDirectories(home);
        // The builder takes string settings only from a file; rewriting it on every start keeps
        // the settings in force exactly those of this command line.
        Path conf = home.resolve("chuantou-neo4j.conf");
        StringBuilder lines = new StringBuilder();
        raw.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        Files.writeString(conf, lines.toString());

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "chuantou-neo4j-shutdown"));

        GraphDatabaseService db = service.database("neo4j");
        db.executeTransactionally("RETURN 1");
        System.out.println("CHUANTOU_NEO4J_READY " + port);
        System.out.flush();
        stopped.await();
    }
}
