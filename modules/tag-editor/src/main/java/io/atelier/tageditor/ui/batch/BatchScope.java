package io.atelier.tageditor.ui.batch;

import java.nio.file.Path;
import java.util.List;
import org.openide.util.NbBundle.Messages;

/** Which images a batch edit goes over, with the images each choice means at the moment the dialog opened. */
@Messages({
    "# {0} - count", "SCOPE_All=All images ({0})",
    "# {0} - count", "SCOPE_Filtered=Filtered images ({0})",
    "# {0} - count", "SCOPE_Selected=Selected images ({0})"
})
public record BatchScope(List<Path> all, List<Path> filtered, List<Path> selected) {

    public enum Choice { ALL, FILTERED, SELECTED }

    public BatchScope {
        all = List.copyOf(all);
        filtered = List.copyOf(filtered);
        selected = List.copyOf(selected);
    }

    public List<Path> images(Choice c) {
        return switch (c) {
            case ALL -> all;
            case FILTERED -> filtered;
            case SELECTED -> selected;
        };
    }

    public String label(Choice c) {
        return switch (c) {
            case ALL -> Bundle.SCOPE_All(all.size());
            case FILTERED -> Bundle.SCOPE_Filtered(filtered.size());
            case SELECTED -> Bundle.SCOPE_Selected(selected.size());
        };
    }
}
