package io.atelier.runner;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a process and everything it started: children first, politely, then by force. */
final class ProcessTree {

    private ProcessTree() {
    }

    static void end(ProcessHandle root) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
    }
}
