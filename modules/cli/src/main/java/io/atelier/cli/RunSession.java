package io.atelier.cli;

import io.atelier.core.run.RunState;
import io.atelier.runner.EngineCatalog;
import io.atelier.runner.RunException;
import io.atelier.runner.RunService;
import io.atelier.store.Store;
import io.atelier.store.StoredRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The store and a run service for one command of {@code run}, {@code queue} or {@code engine}. */
final class RunSession implements AutoCloseable {

    final Store store;
    final RunService runs;

    private RunSession(Store store) {
        this.store = store;
        this.runs = new RunService(store, EngineCatalog.fromLookup(store));
    }

    static RunSession open(String home, PrintWriter err) {
        return new RunSession(StoreSession.open(home, err));
    }

    /** A run by its id or an unambiguous start of it (as {@code run list} shows: the first 8 characters). */
    StoredRun find(String idOrPrefix) {
        String wanted = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (wanted.length() < 4) {
            throw new CliFailure("a run id needs at least 4 characters: " + idOrPrefix);
        }
        List<StoredRun> matches = store.runs().list().stream()
                .filter(r -> r.id().toString().startsWith(wanted)).toList();
        if (matches.isEmpty()) {
            throw new CliFailure("there is no run " + idOrPrefix + " (atelier run list shows them)");
        }
        if (matches.size() > 1) {
            throw new CliFailure("run id " + idOrPrefix + " is ambiguous: " + matches.size() + " runs start with it");
        }
        return matches.get(0);
    }

    static String shortId(UUID id) {
        return io.atelier.core.compare.RunLabel.shortId(id);
    }

    static String project(StoredRun run) {
        return run.projectFolder().getFileName().toString();
    }

    static String state(StoredRun run) {
        return run.state().name().toLowerCase(Locale.ROOT) + (run.resume() && run.state() == RunState.QUEUED
                ? " (resume)" : "");
    }

    static CliFailure failure(RunException e) {
        return new CliFailure(e.getMessage(), e);
    }

    @Override
    public void close() {
        runs.close(java.time.Duration.ofSeconds(15));
        store.close();
    }
}
