package io.atelier.project.type;

import io.atelier.core.project.ProjectStats;
import io.atelier.project.api.ProjectNodeExtensions;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javax.swing.Action;
import org.openide.filesystems.FileChangeAdapter;
import org.openide.filesystems.FileChangeListener;
import org.openide.filesystems.FileEvent;
import org.openide.filesystems.FileRenameEvent;
import org.openide.filesystems.FileUtil;
import org.openide.nodes.ChildFactory;
import org.openide.nodes.Children;
import org.openide.nodes.Node;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.Utilities;
import org.openide.util.datatransfer.PasteType;
import org.openide.util.lookup.Lookups;

/**
 * A workflow step backed by files in the project folder (dataset images, captions, run folders). It lists
 * them, counts them in its name, follows changes on disk, and shows its empty state when there are none.
 * The Dataset and Captions steps show the actions other modules register for them; the Dataset step also takes files
 * dropped from the desktop.
 */
@Messages({
    "# {0} - section",
    "# {1} - count",
    "LBL_SectionCount={0} ({1})"
})
final class FolderSectionNode extends SectionNode {

    private final String label;
    private final LoraProjectImpl datasetOf;   // null for the sections that are not the dataset
    private final String actionsPath;          // layer folder of the node's actions, or null for none

    private FolderSectionNode(EntryFactory factory, String label, String iconKey, LoraProjectImpl project,
            boolean dataset, String actionsPath) {
        super(Children.create(factory, true), project == null ? Lookup.EMPTY : Lookups.singleton(project),
                label, iconKey);
        this.label = label;
        this.datasetOf = dataset ? project : null;
        this.actionsPath = actionsPath;
        factory.owner = this;
    }

    private FolderSectionNode(EntryFactory factory, String label, String iconKey) {
        this(factory, label, iconKey, null, false, null);
    }

    static Node dataset(LoraProjectImpl p, String label, String empty) {
        Path dir = p.layout().dataset();
        return new FolderSectionNode(new EntryFactory(dir, empty, ProjectStats::isImage, "image"), label, "dataset", p,
                true, ProjectNodeExtensions.DATASET_ACTIONS);
    }

    static Node captions(LoraProjectImpl p, String label, String empty) {
        Path dir = p.layout().dataset();
        Predicate<Path> caption = f -> f.getFileName().toString().endsWith(".txt") && f.toFile().isFile();
        return new FolderSectionNode(new EntryFactory(dir, empty, caption, "caption"), label, "captions", p, false,
                ProjectNodeExtensions.CAPTIONS_ACTIONS);
    }

    static Node runs(LoraProjectImpl p, String label, String empty) {
        Path dir = p.layout().runs();
        return new FolderSectionNode(new EntryFactory(dir, empty, f -> f.toFile().isDirectory(), "run"), label, "runs");
    }

    @Override
    public Action[] getActions(boolean context) {
        return actionsPath == null ? super.getActions(context)
                : Utilities.actionsForPath(actionsPath).toArray(Action[]::new);
    }

    @Override
    public Action getPreferredAction() {
        for (Action a : getActions(false)) {
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    @Override
    public PasteType getDropType(Transferable t, int action, int index) {
        return datasetOf == null ? null : ImageDrops.pasteType(datasetOf, t);
    }

    void showCount(int count) {
        setDisplayName(count == 0 ? label : Bundle.LBL_SectionCount(label, count));
    }

    /** Lists the matching entries of one folder, off the event thread, and refreshes on changes. */
    private static final class EntryFactory extends ChildFactory<Object> {

        private static final Object EMPTY = new Object();
        private final Path dir;
        private final String emptyText;
        private final Predicate<Path> accepts;
        private final String entryIcon;
        private final FileChangeListener refresher = new FileChangeAdapter() {
            @Override
            public void fileDataCreated(FileEvent fe) {
                refresh(false);
            }

            @Override
            public void fileFolderCreated(FileEvent fe) {
                refresh(false);
            }

            @Override
            public void fileDeleted(FileEvent fe) {
                refresh(false);
            }

            @Override
            public void fileRenamed(FileRenameEvent fe) {
                refresh(false);
            }
        };
        private FolderSectionNode owner;

        EntryFactory(Path dir, String emptyText, Predicate<Path> accepts, String entryIcon) {
            this.dir = dir;
            this.emptyText = emptyText;
            this.accepts = accepts;
            this.entryIcon = entryIcon;
            // the folder may not exist yet: listen for it to appear, and for changes inside it
            FileUtil.addFileChangeListener(refresher, FileUtil.normalizeFile(dir.toFile()));
        }

        @Override
        protected boolean createKeys(List<Object> keys) {
            File[] files = dir.toFile().listFiles();
            List<Path> entries = files == null ? List.of() : Arrays.stream(files)
                    .map(File::toPath)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(accepts)
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList();
            if (owner != null) {
                owner.showCount(entries.size());
            }
            keys.addAll(entries.isEmpty() ? List.of(EMPTY) : entries);
            return true;
        }

        @Override
        protected Node createNodeForKey(Object key) {
            return key == EMPTY ? PlaceholderNode.empty(emptyText) : new FileEntryNode((Path) key, entryIcon);
        }
    }
}
