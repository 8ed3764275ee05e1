package org.dedup.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

import org.dedup.bench.NamedArgs;

/**
 * The online-load harness (issue 7), a second process beside {@code dedup serve} on loopback. Three steps, each a
 * command; {@code bench/load/run-load.sh} runs them in order around a server it starts:
 * <pre>
 * seed   leads=1000000 schema=load_online          the tenant "load" in its starting state ({@link LoadSeed})
 * run    server=http://127.0.0.1:18471 rate=1000 seconds=300 acks=acks.csv   open-loop load ({@link OpenLoopRun})
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
            case "run" -> new OpenLoopRun(settings(args), args.integer("leads", 1_000_000)).run();
            case "verify" -> new LoadVerification(args).run();
            default -> throw new IllegalArgumentException("unknown step '" + argv[0] + "': seed, run or verify");
        };
        System.exit(held ? 0 : 1);
    }

    private static OpenLoopRun.Settings settings(NamedArgs args) throws SQLException {
        URI server = URI.create(args.text("server", "http://127.0.0.1:18471"));
        if (!server.getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("the load harness only sends to 127.0.0.1, not " + server);
        }
        return new OpenLoopRun.Settings(server, args.text("apiKey", "load-tenant-key-0001"),
                Double.parseDouble(args.text("rate", "1000")), Duration.ofSeconds(args.integer("seconds", 300)),
                args.integer("requests", 2_000_000), Duration.ofSeconds(args.integer("retrySeconds", 60)),
                args.integer("maxInFlight", 2_000), Path.of(args.text("acks", "acks.csv")),
                args.text("runTag", "run" + Long.toString(System.currentTimeMillis(), 36)), leads(args));
    }

    /** The tenant's leads before the run, which the verification adds the run's creations to. */
    private static long leads(NamedArgs args) throws SQLException {
        try (Connection db = DriverManager.getConnection(args.url(args.text("schema", "load_online")), args.user(),
                args.password());
             PreparedStatement query = db.prepareStatement("select count(*) from lead where tenant_id = ?")) {
            query.setString(1, LoadPeople.TENANT.value());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
