package org.dedup.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.Webhooks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A tenant's webhooks: added, listed or removed; a running {@code serve} delivers the events to them. */
@Command(name = "webhook",
        description = "A tenant's webhooks: lead.merged, merge.undone, review.opened and scan.finished events are "
                + "POSTed to each, signed with its secret; every `serve` on the database delivers them.",
        subcommands = {WebhookCommand.Add.class, WebhookCommand.ListAll.class, WebhookCommand.Remove.class})
final class WebhookCommand extends CommandGroup {
    private static void print(Webhook webhook) {
        System.out.println(webhook.id() + " " + webhook.url() + " (added " + webhook.created() + ")");
    }

    @Command(name = "add", description = "Add a webhook; prints its id.")
    static final class Add implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--url", required = true, description = "http or https URL the events are POSTed to")
        String url;

        @Option(names = "--secret", required = true, description = "16-200 characters; the receiver checks the "
                + "Dedup-Signature header with it")
        String secret;

        @Mixin
        ActorOption actor;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Add options, Webhooks webhooks, Audited audited) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                print(audited.write(options.actor.writer(options.tenant.id()), AuditAction.WEBHOOK_ADD,
                        () -> webhooks.add(options.tenant.id(), options.url, options.secret),
                        added -> added.id().toString()));
                return 0;
            }
        }
    }

    @Command(name = "list", description = "List the tenant's webhooks.")
    static final class ListAll implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(ListAll options, Webhooks webhooks) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                webhooks.list(options.tenant.id()).forEach(WebhookCommand::print);
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Remove a webhook with the deliveries still waiting for it.")
    static final class Remove implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--id", required = true)
        UUID id;

        @Mixin
        ActorOption actor;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Remove options, Webhooks webhooks, Audited audited) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                audited.write(options.actor.writer(options.tenant.id()), AuditAction.WEBHOOK_REMOVE, () -> {
                    webhooks.remove(options.tenant.id(), options.id);
                    return options.id;
                }, UUID::toString);
                System.out.println("webhook " + options.id + " removed");
                return 0;
            }
        }
    }
}
