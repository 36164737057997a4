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
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs Neo4j Community with only the Bolt connector, as the project's own database server.
 *
 * Usage: Launcher --home DIR --bolt HOST:PORT [--password-file PATH] [--pagecache SIZE] [--setting key=value ...]
 *
 * Authentication is on. With --password-file, the native user `neo4j` gets the file's password on
 * every start, so the file alone decides it: a fresh store (whose `neo4j` user would otherwise have
 * the well-known password `neo4j`) and a store created while authentication was off alike. The
 * password travels in a file, never on the command line, where any local user could read it.
 *
 * The heap is sized by the JVM's -Xmx, chosen by the caller. On start-up the launcher prints one
 * line "CHUANTOU_NEO4J_READY <port>" once the default database answers, so the caller does not
 * have to poll; SIGTERM/SIGINT run the shutdown hook, which checkpoints and closes the store.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Path home = null;
        Path passwordFile = null;
        String host = "127.0.0.1";
        int port = 7687;
        Map<String, String> raw = new LinkedHashMap<>();
        // Loopback is no boundary on a shared workstation: any local account could otherwise read
        // and change the case data.
        raw.put("dbms.security.auth_enabled", "true");
        raw.put("server.memory.pagecache.size", "512m");
        raw.put("db.tx_log.rotation.retention_policy", "2 files");
        // The server gives every read a timeout; Neo4j's default 2 s check would let a timed-out
        // transaction live up to 2 s longer, holding its locks and page cache.
        raw.put("db.transaction.monitor.check.interval", "200ms");
        // Bolt is shut down last, after every database is checkpointed and closed and every
        // connection ended: Netty's default quiet period (seconds of waiting for tasks that can no
        // longer come) kept `db stop`, Ctrl-C and every restart waiting 5-10 s more, doing nothing.
        raw.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--bolt" -> {
                    String[] hp = args[++i].split(":");
                    host = hp[0];
                    port = Integer.parseInt(hp[1]);
                }
                case "--password-file" -> passwordFile = Path.of(args[++i]);
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

        try {
            if (passwordFile != null) setPassword(service.database("system"), Files.readString(passwordFile).strip());
            GraphDatabaseService db = service.database("neo4j");
            db.executeTransactionally("RETURN 1");
        } catch (Exception e) {
            // The store is open and its threads keep the JVM alive: exit, which runs the shutdown hook.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("CHUANTOU_NEO4J_READY " + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * Gives `neo4j` the password, no change required. The embedded API runs with full rights, so
     * this works whatever the store's current password is, also on the first start.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        if (password.isEmpty()) throw new IllegalArgumentException("the password file is empty");
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses a new password equal to the old one; on every start but the first, it is.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }
}
