package io.atelier.engine.sdscripts.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did not take over as it was: keys it does not know ({@code ignored: key=value}), values it rejected
 * (wrong type, out of range: each names the key and the problem), and notes on values it had to translate.
 */
public record ImportReport(List<String> ignored, List<String> problems, List<String> notes) {

    public ImportReport {
        ignored = List.copyOf(ignored);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean clean() {
        return ignored.isEmpty() && problems.isEmpty();
    }

    /** Every line, problems first, for a console or a dialog. */
    public List<String> lines() {
        List<String> all = new ArrayList<>();
        problems.forEach(p -> all.add("problem: " + p));
        all.addAll(ignored);
        notes.forEach(n -> all.add("note: " + n));
        return all;
    }

    /** Collects the report while an importer walks a file. */
    public static final class Builder {
        private final List<String> ignored = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public void ignored(String key, Object value) {
            ignored.add("ignored: " + key + "=" + value);
        }

        public void problem(String message) {
            problems.add(message);
        }

        public void note(String message) {
            notes.add(message);
        }

        public ImportReport build() {
            return new ImportReport(ignored, problems, notes);
        }
    }
}
