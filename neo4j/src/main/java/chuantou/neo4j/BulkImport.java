package chuantou.neo4j;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Runs `neo4j-admin database import full` into the project's embedded layout, after making sure
 * the target database is one a bulk import may replace.
 *
 * Usage: BulkImport --home DIR [--check-only] [--bookkeeping-label LABEL]... [-- IMPORT-ARGS...]
 *
 * Community Edition can only bulk-import into a database that is stopped and empty. A store that
 * already exists (the instance was started once) is opened here, without Bolt, and must hold no
 * node but the caller's bookkeeping (nodes whose every label is a --bookkeeping-label, such as the
 * record of the store's data-model version): then the import overwrites it. Opening it also takes
 * the store lock, so a server running on the same folder, even one the pid file does not know, is
 * refused rather than corrupted.
 *
 * Exit codes: 0 imported (or, with --check-only, may import); 3 the store is in use; 4 the
 * database holds data; 1 the import failed; 2 bad arguments. The outcome is also printed as one
 * line "CHUANTOU_BULK <OUTCOME> …" for the caller.
 */
public final class BulkImport {
    private static final int IN_USE = 3;
    private static final int NOT_EMPTY = 4;

    public static void main(String[] args) throws Exception {
        Path home = null;
        boolean checkOnly = false;
        Set<String> bookkeeping = new HashSet<>();
        List<String> importArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                for (int j = i + 1; j < args.length; j++) importArgs.add(args[j]);
                break;
            }
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--check-only" -> checkOnly = true;
                case "--bookkeeping-label" -> bookkeeping.add(args[++i]);
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

        Path store = home.resolve("data").resolve("databases").resolve("neo4j");
        boolean exists = Files.isDirectory(store) && hasFiles(store);
        if (exists) {
            int verdict = inspect(home, bookkeeping);
            if (verdict != 0) System.exit(verdict);
        }
        if (checkOnly) {
            System.out.println("CHUANTOU_BULK MAY_IMPORT " + (exists ? "empty-store" : "no-store"));
            System.exit(0);
        }

        List<String> full = new ArrayList<>(List.of("database", "import", "full"));
        // Only a store just found to hold no node is overwritten; a fresh folder has none to replace.
        if (exists) full.add("--overwrite-destination=true");
        full.addAll(importArgs);
        Files.createDirectories(home.resolve("conf"));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf"), out, System.err, new org.neo4j.io.fs.DefaultFileSystemAbstraction()), full.toArray(String[]::new));
        out.println(code == 0 ? "CHUANTOU_BULK IMPORTED" : "CHUANTOU_BULK IMPORT_FAILED " + code);
        System.exit(code == 0 ? 0 : 1);
    }

    private static boolean hasFiles(Path dir) throws Exception {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    /** 0 when the existing database holds no node but bookkeeping; IN_USE or NOT_EMPTY otherwise. */
    private static int inspect(Path home, Set<String> bookkeeping) {
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                    .build();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                System.out.println("CHUANTOU_BULK IN_USE " + oneLine(e));
                return IN_USE;
            }
            throw e;
        }
        try {
            GraphDatabaseService db = service.database("neo4j");
            try (Transaction tx = db.beginTx(); ResourceIterator<Node> nodes = tx.getAllNodes().iterator()) {
                while (nodes.hasNext()) {
                    Node node = nodes.next();
                    boolean data = !node.getLabels().iterator().hasNext();
                    for (Label label : node.getLabels()) data |= !bookkeeping.contains(label.name());
                    if (data) {
                        System.out.println("CHUANTOU_BULK NOT_EMPTY");
                        return NOT_EMPTY;
                    }
                }
            }
            return 0;
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                System.out.println("CHUANTOU_BULK IN_USE " + oneLine(e));
                return IN_USE;
            }
            throw e;
        } finally {
            service.shutdown();
        }
    }

    private static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("FileLockException") || name.equals("StoreLockException") || String.valueOf(t.getMessage()).contains("is locked")) return true;
        }
        return false;
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return String.valueOf(root.getMessage()).replace('\n', ' ');
    }
}
