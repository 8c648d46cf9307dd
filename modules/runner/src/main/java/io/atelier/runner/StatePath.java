package io.atelier.runner;

import io.atelier.core.run.RunState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest way along {@link RunState}'s arrows from where the store has a run to where its engine says it is
 * (an engine may report "succeeded" for a run the store still has as starting), never through "queued".
 */
final class StatePath {

    private StatePath() {
    }

    /** The states after {@code from}, ending with {@code to}; empty when they are equal or no way exists. */
    static List<RunState> between(RunState from, RunState to) {
        Map<RunState, RunState> previous = new EnumMap<>(RunState.class);
        Deque<RunState> open = new ArrayDeque<>(List.of(from));
        while (!open.isEmpty()) {
            RunState s = open.poll();
            if (s == to) {
                List<RunState> path = new ArrayList<>();
                for (RunState at = to; at != from; at = previous.get(at)) {
                    path.add(at);
                }
                Collections.reverse(path);
                return path;
            }
            for (RunState next : s.next()) {
                if (next != RunState.QUEUED && next != from && !previous.containsKey(next)) {
                    previous.put(next, s);
                    open.add(next);
                }
            }
        }
        return List.of();
    }
}
