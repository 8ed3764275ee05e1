package org.dedup.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import org.dedup.app.DedupApplication;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.ReviewFilter;
import org.dedup.domain.review.ReviewItem;
import org.dedup.domain.review.ReviewQueue;
import org.dedup.domain.review.ReviewSource;
import org.dedup.domain.review.ReviewState;
import org.dedup.domain.review.ReviewStatus;
import org.dedup.domain.search.CandidatePair;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The review queue: list it, show an item, and merge, dismiss or mark one not a duplicate. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The review queue: possible duplicates from pending-review and too-many-matches decisions "
        + "and from the latest bulk search, each to merge, dismiss or mark not a duplicate.",
        subcommands = {ReviewCommand.ListItems.class, ReviewCommand.Show.class, ReviewCommand.Merge.class,
                ReviewCommand.Dismiss.class, ReviewCommand.NotDuplicate.class})
final class ReviewCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** The tenant, and who acts. */
    static final class Who {
        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--actor", description = "who acts, recorded with the item (default: cli:<user name>)")
        String actor;

        String actor() {
            return Actors.of(actor);
        }
    }

    <T> T with(BiFunction<ReviewQueue, TenantId, T> work, String tenant) {
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            return work.apply(app.get(ReviewQueue.class), new TenantId(tenant));
        }
    }

    static void print(ReviewItem item) {
        String resolved = item.state() instanceof ReviewState.Resolved r ? " by " + r.by() + " at " + r.at()
                + (r.detail().isBlank() ? "" : " (" + r.detail() + ")") : "";
        System.out.println(item.id() + "  " + lower(item.source()) + "  " + lower(item.state().status())
                + resolved + "  revision " + item.revision() + "  opened " + item.openedAt());
        item.records().forEach(ref -> System.out.println("  " + lower(ref.kind()) + " " + ref.value()));
        for (CandidatePair pair : item.pairs()) {
            System.out.println("  pair " + pair.first().value() + " ~ " + pair.match().record().value() + ": "
                    + pair.match().method().id() + " score " + pair.match().score());
            pair.match().explanation().forEach(f -> System.out.println("    " + f.field() + ": '"
                    + f.incomingValue() + "' vs '" + f.candidateValue() + "' (" + f.comparison() + " "
                    + f.similarity() + ")"));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The queue's items, oldest first.")
    static final class ListItems implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Mixin
        Who who;

        @Option(names = "--status", description = "open (default), merged, dismissed, not_duplicate, closed; "
                + "may be repeated")
        Set<ReviewStatus> statuses;

        @Option(names = "--source", description = "pending_review, too_many_matches or bulk_search; may be repeated "
                + "(default: all)")
        Set<ReviewSource> sources;

        @Option(names = "--limit", description = "at most this many items (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Integer call() {
            ReviewQueue.Page page = review.with((queue, tenant) -> queue.list(tenant,
                    new ReviewFilter(statuses == null ? Set.of(ReviewStatus.OPEN) : statuses,
                            sources == null ? Set.of() : sources), Optional.empty(), limit), who.tenant);
            page.items().forEach(ReviewCommand::print);
            System.err.println(page.items().size() + " item(s)" + (page.next().isPresent() ? ", more after them"
                    : ""));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One item with its records and pairs.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Mixin
        Who who;

        @Parameters(index = "0", description = "the item's id")
        UUID item;

        @Override
        public Integer call() {
            print(review.with((queue, tenant) -> queue.show(tenant, item), who.tenant));
            return 0;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge the item's records (or those named) and resolve it as merged.")
    static final class Merge implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Mixin
        Who who;

        @Parameters(index = "0", description = "the item's id")
        UUID item;

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
        public Integer call() {
            print(review.with((queue, tenant) -> queue.merge(new ReviewQueue.Action(tenant, item, who.actor(),
                    revision), new ReviewQueue.MergeChoice(records == null ? List.of() : records, survivor,
                    choices == null ? Map.of() : choices, rule)), who.tenant));
            return 0;
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Resolve the item as dismissed; nothing is merged or marked.")
    static final class Dismiss implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Mixin
        Who who;

        @Parameters(index = "0", description = "the item's id")
        UUID item;

        @Override
        public Integer call() {
            print(review.with((queue, tenant) -> queue.dismiss(new ReviewQueue.Action(tenant, item, who.actor(), 0)),
                    who.tenant));
            return 0;
        }
    }

    @Command(name = "not-duplicate", mixinStandardHelpOptions = true,
            description = "Mark every candidate pair of the item not a duplicate and resolve it so.")
    static final class NotDuplicate implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Mixin
        Who who;

        @Parameters(index = "0", description = "the item's id")
        UUID item;

        @Override
        public Integer call() {
            print(review.with((queue, tenant) -> queue.notDuplicate(new ReviewQueue.Action(tenant, item,
                    who.actor(), 0)), who.tenant));
            return 0;
        }
    }
}
