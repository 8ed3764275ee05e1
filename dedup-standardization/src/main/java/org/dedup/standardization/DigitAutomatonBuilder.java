package org.dedup.standardization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DigitPattern}: a nondeterministic automaton with empty moves from the parsed pattern (Thompson's
 * construction, counted repetition written out), then the deterministic one by subset construction.
 */
final class DigitAutomatonBuilder {
    private final List<List<int[]>> digitMoves = new ArrayList<>();
    private final List<BitSet> emptyMoves = new ArrayList<>();

    private DigitAutomatonBuilder() {
    }

    static DigitPattern build(DigitRegex regex) {
        DigitAutomatonBuilder builder = new DigitAutomatonBuilder();
        int start = builder.newState();
        int accept = builder.emit(regex, start);
        return builder.determinize(start, accept);
    }

    private int newState() {
        digitMoves.add(new ArrayList<>(1));
        emptyMoves.add(new BitSet());
        return digitMoves.size() - 1;
    }

    /** Adds the states that match {@code regex} after {@code from}; returns the state reached at its end. */
    private int emit(DigitRegex regex, int from) {
        return switch (regex) {
            case DigitRegex.Digits digits -> {
                int to = newState();
                digitMoves.get(from).add(new int[] {digits.mask(), to});
                yield to;
            }
            case DigitRegex.Sequence sequence -> {
                int at = from;
                for (DigitRegex item : sequence.items()) {
                    at = emit(item, at);
                }
                yield at;
            }
            case DigitRegex.Choice choice -> {
                int end = newState();
                for (DigitRegex alternative : choice.alternatives()) {
                    int start = newState();
                    emptyMoves.get(from).set(start);
                    emptyMoves.get(emit(alternative, start)).set(end);
                }
                yield end;
            }
            case DigitRegex.Repeat repeat -> emitRepeat(repeat, from);
        };
    }

    private int emitRepeat(DigitRegex.Repeat repeat, int from) {
        int at = from;
        for (int i = 0; i < repeat.min(); i++) {
            at = emit(repeat.item(), at);
        }
        if (repeat.max() == DigitRegex.UNBOUNDED) {
            int loop = newState();
            emptyMoves.get(at).set(loop);
            emptyMoves.get(emit(repeat.item(), loop)).set(loop);
            return loop;
        }
        int end = newState();
        for (int i = repeat.min(); i < repeat.max(); i++) {
            emptyMoves.get(at).set(end);
            at = emit(repeat.item(), at);
        }
        emptyMoves.get(at).set(end);
        return end;
    }

    private DigitPattern determinize(int start, int accept) {
        Map<BitSet, Integer> ids = new HashMap<>();
        List<BitSet> sets = new ArrayList<>();
        Deque<Integer> pending = new ArrayDeque<>();
        BitSet first = closure(single(start));
        ids.put(first, 0);
        sets.add(first);
        pending.add(0);
        List<int[]> rows = new ArrayList<>();
        while (!pending.isEmpty()) {
            int id = pending.poll();
            int[] row = new int[10];
            for (int digit = 0; digit < 10; digit++) {
                BitSet target = closure(move(sets.get(id), digit));
                if (target.isEmpty()) {
                    row[digit] = DigitPattern.DEAD;
                    continue;
                }
                Integer known = ids.get(target);
                if (known == null) {
                    known = sets.size();
                    ids.put(target, known);
                    sets.add(target);
                    pending.add(known);
                }
                row[digit] = known * 10;
            }
            rows.add(row); // states are numbered in the order they are queued, so rows come in order
        }
        int[] next = new int[sets.size() * 10];
        boolean[] accepting = new boolean[sets.size() * 10];
        for (int id = 0; id < sets.size(); id++) {
            System.arraycopy(rows.get(id), 0, next, id * 10, 10);
            accepting[id * 10] = sets.get(id).get(accept);
        }
        return new DigitPattern(next, accepting);
    }

    private BitSet move(BitSet states, int digit) {
        BitSet target = new BitSet();
        for (int state = states.nextSetBit(0); state >= 0; state = states.nextSetBit(state + 1)) {
            for (int[] digitMove : digitMoves.get(state)) {
                if ((digitMove[0] & (1 << digit)) != 0) {
                    target.set(digitMove[1]);
                }
            }
        }
        return target;
    }

    private BitSet closure(BitSet states) {
        BitSet closed = (BitSet) states.clone();
        Deque<Integer> pending = new ArrayDeque<>();
        states.stream().forEach(pending::add);
        while (!pending.isEmpty()) {
            BitSet reachable = emptyMoves.get(pending.poll());
            for (int state = reachable.nextSetBit(0); state >= 0; state = reachable.nextSetBit(state + 1)) {
                if (!closed.get(state)) {
                    closed.set(state);
                    pending.add(state);
                }
            }
        }
        return closed;
    }

    private static BitSet single(int state) {
        BitSet set = new BitSet();
        set.set(state);
        return set;
    }
}
