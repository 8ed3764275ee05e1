package org.dedup.app.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.review.ReviewFilter;
import org.dedup.domain.review.ReviewItem;
import org.dedup.domain.review.ReviewQueue;
import org.dedup.domain.review.ReviewSource;
import org.dedup.domain.review.ReviewState;
import org.dedup.domain.review.ReviewStatus;
import org.dedup.domain.search.CandidatePair;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The review queue: list it, show an item, and merge, dismiss or mark one not a duplicate. */
@Command(name = "review",
        description = "The review queue: possible duplicates from pending-review and too-many-matches decisions "
        + "and from the latest bulk search, each to merge, dismiss or mark not a duplicate.",
        subcommands = {ReviewCommand.ListItems.class, ReviewCommand.Show.class, ReviewCommand.Merge.class,
                ReviewCommand.Dismiss.class, ReviewCommand.NotDuplicate.class})
final class ReviewCommand extends CommandGroup {
    static void print(ReviewItem item) {
        String resolved = item.state() instanceof ReviewState.Resolved r ? " by " + r.by() + " at " + r.at()
                + (r.detail().isBlank() ? "" : " (" + r.detail() + ")") : "";
        System.out.println(item.id() + "  " + Words.lower(item.source()) + "  " + Words.lower(item.state().status())
                + resolved + "  revision " + item.revision() + "  opened " + item.openedAt());
        item.records().forEach(ref -> System.out.println("  " + Words.lower(ref.kind()) + " " + ref.value()));
        for (CandidatePair pair : item.pairs()) {
            System.out.println("  pair " + pair.first().value() + " ~ " + pair.match().record().value() + ": "
                    + pair.match().method().id() + " score " + pair.match().score());
            pair.match().explanation().forEach(f -> System.out.println("    " + f.field() + ": '"
                    + f.incomingValue() + "' vs '" + f.candidateValue() + "' (" + f.comparison() + " "
                    + f.similarity() + ")"));
        }
    }

    /** One item of the tenant's queue, and who acts on it. */
    static final class Item {
        @Mixin
        TenantOption tenant;

        @Mixin
        ActorOption actor;

        @Parameters(index = "0", description = "the item's id")
        UUID id;

        ReviewQueue.Action action(long revision) {
            return new ReviewQueue.Action(tenant.id(), id, actor.actor(), revision);
        }
    }

    @Command(name = "list", description = "The queue's items, oldest first.")
    static final class ListItems implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--status", description = "open (default), merged, dismissed, not_duplicate, closed; "
                + "may be repeated")
        Set<ReviewStatus> statuses;

        @Option(names = "--source", description = "pending_review, too_many_matches or bulk_search; may be repeated "
                + "(default: all)")
        Set<ReviewSource> sources;

        @Option(names = "--limit", description = "at most this many items (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(ListItems options, ReviewQueue queue) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                ReviewQueue.Page page = queue.list(options.tenant.id(), new ReviewFilter(
                        options.statuses == null ? Set.of(ReviewStatus.OPEN) : options.statuses,
                        options.sources == null ? Set.of() : options.sources), Optional.empty(), options.limit);
                page.items().forEach(ReviewCommand::print);
                System.err.println(page.items().size() + " item(s)" + (page.next().isPresent() ? ", more after them"
                        : ""));
                return 0;
            }
        }
    }

    @Command(name = "show", description = "One item with its records and pairs.")
    static final class Show implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Parameters(index = "0", description = "the item's id")
        UUID item;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Show options, ReviewQueue queue) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                print(queue.show(options.tenant.id(), options.item));
                return 0;
            }
        }
    }

    @Command(name = "merge", description = "Merge the item's records (or those named) and resolve it as merged.")
    static final class Merge implements OnApplication {
        @Mixin
        Item item;

        @Option(names = "--survivor", description = "the record that remains (default: the item's first)")
        UUID survivor;

        @Option(names = "--record", description = "a record to merge (default: all of the item's); may be repeated")
        List<UUID> records;

        @Option(names = "--rule", defaultValue = "", description = "leads only: newest (default), oldest, "
                + "most_complete or source_priority")
        String rule;

        @Option(names = "--choose", description = "field=record: keep this record's value of the field")
        Map<String, UUID> choices;

        @Option(names = "--revision", description = "the revision you reviewed; refused when the item changed since")
        long revision;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Merge options, ReviewQueue queue) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                print(queue.merge(options.item.action(options.revision), new ReviewQueue.MergeChoice(
                        options.records == null ? List.of() : options.records, options.survivor,
                        options.choices == null ? Map.of() : options.choices, options.rule)));
                return 0;
            }
        }
    }

    @Command(name = "dismiss", description = "Resolve the item as dismissed; nothing is merged or marked.")
    static final class Dismiss implements OnApplication {
        @Mixin
        Item item;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(Dismiss options, ReviewQueue queue) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                print(queue.dismiss(options.item.action(0)));
                return 0;
            }
        }
    }

    @Command(name = "not-duplicate",
            description = "Mark every candidate pair of the item not a duplicate and resolve it so.")
    static final class NotDuplicate implements OnApplication {
        @Mixin
        Item item;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(NotDuplicate options, ReviewQueue queue) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                print(queue.notDuplicate(options.item.action(0)));
                return 0;
            }
        }
    }
}
