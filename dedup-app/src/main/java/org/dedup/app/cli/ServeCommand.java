package org.dedup.app.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.google.inject.Module;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.console.ConsoleHandler;
import org.dedup.app.http.HttpApi;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Serves the HTTP API until the process is stopped. The server is a composition root of its own: it starts the
 * application, keeps it for its lifetime and starts its background work ({@code demo --serve} runs the demo in it
 * first).
 */
@Command(name = "serve", description = "Serve the HTTP API on the configured host (default 127.0.0.1) and port.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    /**
     * What runs in the server's application before its port opens (the demo), the tenant to sign in as and its key
     * (made for this run; blank when the configuration file gives the tenant its own, which only its author knows).
     */
    record Prelude(Class<? extends Callable<Integer>> command, TenantId tenant, String apiKey) {
        String signIn() {
            return apiKey.isBlank() ? "sign in with the API key your configuration gives the " + tenant + " tenant"
                    : "sign in with the " + tenant + " tenant's API key: " + apiKey;
        }
    }

    @Override
    public Integer call() throws Exception {
        return serve(parent.config(), List.of(), Optional.empty());
    }

    /** Serves {@code config} until the process is stopped, after the prelude, if any, built with {@code more}. */
    static int serve(DedupConfig config, List<Module> more, Optional<Prelude> prelude) throws Exception {
        DedupApplication app = DedupApplication.start(config, more);
        int status = 0;
        if (prelude.isPresent()) {
            status = app.get(prelude.get().command()).call();
        }
        var http = app.config().http();
        HttpApi api = new HttpApi(http, app.config().tenants(), app.apiServices(),
                ConsoleHandler.over(Clock.systemUTC())::addTo);
        // after the API marked the scans a stopped server left running as interrupted, not before
        app.startBackgroundWork();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            app.close();
        }));
        String address = "http://" + http.host() + ":" + api.port();
        System.out.println("dedup serving on " + address + " (" + app.config().tenants().size()
                + " tenant(s), database " + app.config().database().url() + ")");
        System.out.println("console on " + address + ConsoleHandler.PATH + " (sign in with a tenant's API key)");
        prelude.ifPresent(p -> System.out.println(p.signIn() + " (Ctrl-C stops the server)"));
        new CountDownLatch(1).await();
        return status;
    }
}
