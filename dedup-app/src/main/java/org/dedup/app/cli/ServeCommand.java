package org.dedup.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.dedup.app.DedupApplication;
import org.dedup.app.http.HttpApi;

import picocli.CommandLine.Command;

/** Serves the HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API on the configured port (127.0.0.1).")
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() throws Exception {
        DedupApplication app = DedupApplication.start(parent.config());
        var http = app.config().http();
        HttpApi api = new HttpApi(http, app.config().tenants(), app.apiServices());
        // after the API marked the scans a stopped server left running as interrupted, not before
        app.startBackgroundWork();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            app.close();
        }));
        System.out.println("dedup serving on http://127.0.0.1:" + api.port() + " (" + app.config().tenants().size()
                + " tenant(s), database " + app.config().database().url() + ")");
        new CountDownLatch(1).await();
        return 0;
    }
}
