package io.atelier.trainingrun.runs;

import io.atelier.core.run.RunState;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which runs the table shows: by project (folder name), state and base model; null means any.
 */
public record RunFilter(String project, RunState state, String baseModel) {

    public static final RunFilter ALL = new RunFilter(null, null, null);

    public boolean test(RunRow row) {
        return (project == null || project.equals(row.project()))
                && (state == null || state == row.run().state())
                && (baseModel == null || baseModel.equals(row.baseModel()));
    }

    public List<RunRow> apply(Collection<RunRow> rows) {
        return rows.stream().filter(this::test).toList();
    }

    public RunFilter withProject(String p) {
        return new RunFilter(p, state, baseModel);
    }

    public RunFilter withState(RunState s) {
        return new RunFilter(project, s, baseModel);
    }

    public RunFilter withBaseModel(String b) {
        return new RunFilter(project, state, b);
    }

    /** The distinct values of a column, sorted, for a filter's choices. */
    public static List<String> choices(Collection<RunRow> rows, Function<RunRow, String> column) {
        return List.copyOf(rows.stream().map(column).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))));
    }
}
