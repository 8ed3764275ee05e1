package org.dedup.app.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.dedup.app.DedupApplication;
import org.dedup.app.console.ConsoleHandler;
import org.dedup.app.http.HttpApi;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Serves the HTTP API until the process is stopped. The server is a composition root of its own: it starts the
 * application, keeps it for its lifetime and starts its background work.
 */
@Command(name = "serve", description = "Serve the HTTP API on the configured host (default 127.0.0.1) and port.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() throws Exception {
        DedupApplication app = DedupApplication.start(parent.config());
        var http = app.config().http();
        HttpApi api = new HttpApi(http, app.config().tenants(), app.apiServices(),
                ConsoleHandler.over(Clock.systemUTC())::addTo);
        // after the API marked the scans a stopped server left running as interrupted, not before
        app.startBackgroundWork();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            app.close();
        }));
        System.out.println("dedup serving on http://" + http.host() + ":" + api.port() + " (" + app.config().tenants().size()
                + " tenant(s), database " + app.config().database().url() + ")");
        System.out.println("console on http://" + http.host() + ":" + api.port() + ConsoleHandler.PATH
                + " (sign in with a tenant's API key)");
        new CountDownLatch(1).await();
        return 0;
    }
}
