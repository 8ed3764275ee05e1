package org.dedup.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.Webhooks;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A tenant's webhooks: added, listed or removed; a running {@code serve} delivers the events to them. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "A tenant's webhooks: lead.merged, merge.undone, review.opened and scan.finished events are "
                + "POSTed to each, signed with its secret; every `serve` on the database delivers them.",
        subcommands = {WebhookCommand.Add.class, WebhookCommand.ListAll.class, WebhookCommand.Remove.class})
final class WebhookCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    private static String line(Webhook webhook) {
        return webhook.id() + " " + webhook.url() + " (added " + webhook.created() + ")";
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a webhook; prints its id.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        WebhookCommand webhook;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--url", required = true, description = "http or https URL the events are POSTed to")
        String url;

        @Option(names = "--secret", required = true, description = "16-200 characters; the receiver checks the "
                + "Dedup-Signature header with it")
        String secret;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(webhook.parent.config())) {
                System.out.println(line(app.get(Webhooks.class).add(new TenantId(tenant), url, secret)));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenant's webhooks.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        WebhookCommand webhook;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(webhook.parent.config())) {
                app.get(Webhooks.class).list(new TenantId(tenant)).forEach(w -> System.out.println(line(w)));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a webhook with the deliveries still waiting for it.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        WebhookCommand webhook;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--id", required = true)
        UUID id;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(webhook.parent.config())) {
                app.get(Webhooks.class).remove(new TenantId(tenant), id);
                System.out.println("webhook " + id + " removed");
            }
            return 0;
        }
    }
}
