package org.dedup.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.dedup.bench.NamedArgs;

/**
 * The online-load harness (issue 7), a second process beside {@code dedup serve} on loopback. Three steps, each a
 * command; {@code bench/load/run-load.sh} runs them in order around a server it starts:
 * <pre>
 * seed   leads=1000000 schema=load_online          the tenant "load" in its starting state ({@link LoadSeed})
 * run    server=http://127.0.0.1:18471 rate=1000 seconds=300 acks=acks.csv   open-loop load ({@link OpenLoopRun}),
 *        its latency printed every reportSeconds=10,
 *        optionally after warmupSeconds=60 warmupRate=500 warmupAcks=warmup.csv, and a new server
 *        (restartFlag=PATH, see {@code bench/load/run-fresh-server.sh})
 * verify schema=load_online acks=acks.csv          the acknowledged decisions against the database
 * </pre>
 * Common arguments: {@code url=jdbc:postgresql://127.0.0.1:5432/test user=postgres password=}. Only 127.0.0.1 is
 * ever contacted; a run stops by itself after {@code seconds} or {@code requests}, whichever comes first.
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: LoadHarness seed|run|verify name=value...");
        }
        NamedArgs args = NamedArgs.parse(Arrays.copyOfRange(argv, 1, argv.length));
        boolean held = switch (argv[0]) {
            case "seed" -> {
                new LoadSeed(args).run();
                yield true;
            }
            case "run" -> {
                try (LeadsClient<OpenLoopRun.Sent> client = new LeadsClient<>(server(args),
                        args.text("apiKey", "load-tenant-key-0001"), args.integer("maxInFlight", 2_000))) {
                    yield warmUp(args, client) && openLoop(args, client);
                }
            }
            case "verify" -> new LoadVerification(args).run();
            default -> throw new IllegalArgumentException("unknown step '" + argv[0] + "': seed, run or verify");
        };
        System.exit(held ? 0 : 1);
    }

    /**
     * With {@code warmupSeconds}: a run at {@code warmupRate} into {@code warmupAcks}, verified, before the measured
     * one, in this process, so neither the server nor the harness is measured while its JIT is still compiling.
     */
    private static boolean warmUp(NamedArgs args, LeadsClient<OpenLoopRun.Sent> client) throws Exception {
        int seconds = args.integer("warmupSeconds", 0);
        if (seconds == 0) {
            return true;
        }
        NamedArgs warmup = args.with("seconds", Integer.toString(seconds))
                .with("rate", args.text("warmupRate", args.text("rate", "1000")))
                .with("acks", args.text("warmupAcks", "warmup.csv"))
                .with("runTag", "warmup" + Long.toString(System.currentTimeMillis(), 36));
        System.out.println("warm-up: " + seconds + " s at " + warmup.text("rate", "") + "/s (verified, not reported)");
        // the warm-up's errors are printed and not held against the run; what it stored must still verify
        openLoop(warmup, client);
        boolean verified = new LoadVerification(warmup).run();
        resetStatementStatistics(args);
        awaitServerRestart(args);
        return verified;
    }

    /**
     * With {@code restartFlag}: the file is created once the warm-up is done, and the run waits until the script that
     * watches it has started a new server and deleted it (at most 10 minutes). So a freshly started server meets the
     * full rate from its first second, sent by a harness and served by a database that are warm.
     */
    private static void awaitServerRestart(NamedArgs args) throws IOException, InterruptedException {
        String flag = args.text("restartFlag", "");
        if (flag.isEmpty()) {
            return;
        }
        Path restart = Path.of(flag);
        Files.writeString(restart, "restart the server\n");
        System.out.println("warm-up done: waiting for a new server (" + restart + ")");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (Files.exists(restart)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no new server within 10 minutes: " + restart + " is still there");
            }
            Thread.sleep(100);
        }
    }

    private static boolean openLoop(NamedArgs args, LeadsClient<OpenLoopRun.Sent> client) throws Exception {
        return new OpenLoopRun(settings(args), args.integer("leads", 1_000_000), client).run();
    }

    /** pg_stat_statements, where installed, restarts with the measured run. */
    private static void resetStatementStatistics(NamedArgs args) throws SQLException {
        try (Connection db = database(args);
             PreparedStatement reset = db.prepareStatement("""
                     do $$ declare s name; begin
                         select n.nspname into s from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                             where e.extname = 'pg_stat_statements';
                         if s is not null then execute format('select %I.pg_stat_statements_reset()', s); end if;
                     end $$""")) {
            reset.execute();
        }
    }

    private static URI server(NamedArgs args) {
        URI server = URI.create(args.text("server", "http://127.0.0.1:18471"));
        if (!server.getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("the load harness only sends to 127.0.0.1, not " + server);
        }
        return server;
    }

    private static OpenLoopRun.Settings settings(NamedArgs args) throws SQLException {
        return new OpenLoopRun.Settings(Double.parseDouble(args.text("rate", "1000")),
                Duration.ofSeconds(args.integer("seconds", 300)), args.integer("requests", 2_000_000),
                Duration.ofSeconds(args.integer("retrySeconds", 60)), args.integer("maxInFlight", 2_000),
                Path.of(args.text("acks", "acks.csv")),
                args.text("runTag", "run" + Long.toString(System.currentTimeMillis(), 36)), leads(args),
                Duration.ofSeconds(args.integer("reportSeconds", 10)));
    }

    /** The tenant's leads before the run, which the verification adds the run's creations to. */
    private static long leads(NamedArgs args) throws SQLException {
        try (Connection db = database(args);
             PreparedStatement query = db.prepareStatement("select count(*) from lead where tenant_id = ?")) {
            query.setString(1, LoadPeople.TENANT.value());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The load tenant's database: {@code url}, {@code user}, {@code password}, {@code schema}. */
    static Connection database(NamedArgs args) throws SQLException {
        return DriverManager.getConnection(args.url(args.text("schema", "load_online")), args.user(), args.password());
    }
}
