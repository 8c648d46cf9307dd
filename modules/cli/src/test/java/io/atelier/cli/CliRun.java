package io.atelier.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the CLI against a test store home, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtelierCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Failures are one line on stderr. */
    String errorLine() {
        String trimmed = err.strip();
        if (trimmed.contains("\n")) {
            throw new AssertionError("stderr has more than one line:\n" + err);
        }
        return trimmed;
    }
}
