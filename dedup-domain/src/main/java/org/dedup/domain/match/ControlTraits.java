package org.dedup.domain.match;

import java.util.EnumSet;
import java.util.Set;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.SourceChannel;

/**
 * How duplicate control runs a matcher, as the matcher declares it ({@link Matcher#controlTraits()}): the engine knows
 * no matcher by name, so whatever is special about one (the timing of Kommo's BIG DATA, the merge note of BIG DATA
 * and the tracking pixel) is said here. {@link #DEFAULT} is an ordinary method: every arrival is checked before it is
 * stored, its merges add no note, any stage may merge, and an update checks nothing again.
 *
 * <p>Build the traits from {@link #DEFAULT}:
 * {@code ControlTraits.DEFAULT.checkedAfterAddFrom(channels).withMergeNote().mergingOnlyWithIncomingStage()
 * .checkedAfterUpdate()} are Kommo's BIG DATA traits (chats checked on arrival, other channels after the lead was
 * added).
 *
 * @param afterAddFrom          the channels whose leads this method checks only right after the lead was added (stored
 *                              as new), not on arrival: a lead of such a channel that another method merged on arrival
 *                              is not checked again; a tenant that enables such a method has its arrivals decided one
 *                              by one, since each check must see the leads added before it
 * @param addsMergeNote         whether a lead merged because this method found it gets a note saying so
 * @param mergesOnlyWithIncomingStage whether this method may merge only where the checked lead or its duplicate is
 *                              in an incoming-leads stage (its other candidates are dropped)
 * @param checksAfterUpdate     whether an update of a stored lead checks it again by this method, merging it into the
 *                              duplicates found
 */
public record ControlTraits(Set<SourceChannel> afterAddFrom, boolean addsMergeNote,
                            boolean mergesOnlyWithIncomingStage, boolean checksAfterUpdate) {
    /** An ordinary method: checked on arrival, no merge note, any stage, no check after an update. */
    public static final ControlTraits DEFAULT = new ControlTraits(Set.of(), false, false, false);

    public ControlTraits {
        afterAddFrom = Require.copy(afterAddFrom, "channels checked after add");
    }

    /** These traits, with the leads of {@code channels} checked right after they were added instead of on arrival. */
    public ControlTraits checkedAfterAddFrom(Set<SourceChannel> channels) {
        return new ControlTraits(channels, addsMergeNote, mergesOnlyWithIncomingStage, checksAfterUpdate);
    }

    /** These traits, with the leads of every channel but {@code onArrival} checked right after they were added. */
    public ControlTraits checkedAfterAddExcept(SourceChannel onArrival) {
        return checkedAfterAddFrom(EnumSet.complementOf(EnumSet.of(onArrival)));
    }

    /** These traits, with a note added to the leads this method's findings merge. */
    public ControlTraits withMergeNote() {
        return new ControlTraits(afterAddFrom, true, mergesOnlyWithIncomingStage, checksAfterUpdate);
    }

    /** These traits, merging only where the lead or its duplicate is in an incoming-leads stage. */
    public ControlTraits mergingOnlyWithIncomingStage() {
        return new ControlTraits(afterAddFrom, addsMergeNote, true, checksAfterUpdate);
    }

    /** These traits, with an updated lead checked again. */
    public ControlTraits checkedAfterUpdate() {
        return new ControlTraits(afterAddFrom, addsMergeNote, mergesOnlyWithIncomingStage, true);
    }

    /** Whether an arriving lead from {@code source} is checked by this method before it is stored. */
    public boolean checksOnArrival(SourceChannel source) {
        return !afterAddFrom.contains(source);
    }

    /** Whether a lead from {@code source} is checked by this method right after it was added. */
    public boolean checksAfterAdd(SourceChannel source) {
        return afterAddFrom.contains(source);
    }
}
