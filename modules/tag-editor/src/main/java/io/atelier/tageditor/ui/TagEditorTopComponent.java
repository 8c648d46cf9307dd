package io.atelier.tageditor.ui;

import io.atelier.core.caption.BatchPreview;
import io.atelier.core.caption.CaptionText;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.grid.ThumbnailLoader;
import io.atelier.dataset.ui.grid.Thumbnails;
import io.atelier.dataset.ui.preview.PreviewPanel;
import io.atelier.tageditor.ui.autotag.AutoTagDialog;
import io.atelier.tageditor.ui.autotag.AutoTagJob;
import io.atelier.tageditor.ui.autotag.AutoTagPreferences;
import io.atelier.tageditor.ui.autotag.PredictionStore;
import io.atelier.tageditor.ui.autotag.VocabularyLoader;
import io.atelier.tageditor.ui.batch.BatchDialog;
import io.atelier.tageditor.ui.batch.BatchOperation;
import io.atelier.tageditor.ui.batch.BatchScope;
import io.atelier.tageditor.ui.captions.CaptionFolder;
import io.atelier.tageditor.ui.complete.Vocabulary;
import io.atelier.tageditor.ui.editor.CaptionEditorPanel;
import io.atelier.tageditor.ui.filter.TagFilter;
import io.atelier.tageditor.ui.images.ImageListPane;
import io.atelier.tageditor.ui.images.ImageView;
import io.atelier.tageditor.ui.stats.TagStatsPanel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.netbeans.api.project.ProjectUtils;
import org.openide.awt.UndoRedo;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * The Tag editor of one project: the images (filtered by a tag expression) on the left, the image in the middle, its
 * tags as chips on the right with the dataset's tag statistics in a second tab, and the batch and auto-tag commands.
 * Every edit is saved at once and is one step of the window's undo history (Edit › Undo, Ctrl+Z). This class lays
 * out and wires; the state is in {@link TagEditorSession}, the work in the classes it holds.
 */
@Messages({
    "# {0} - project name", "CTL_TagEditorTopComponent=Tags \u2014 {0}",
    "TAB_Tags=Tags",
    "TAB_Statistics=Statistics",
    "# {0} - images", "STATUS_Images={0,choice,0#No images|1#1 image|1<{0} images}",
    "# {0} - shown", "STATUS_Shown=showing {0}",
    "# {0} - selected", "STATUS_Selected={0} selected",
    "# {0} - tags", "STATUS_Tags={0,choice,0#no tags|1#1 distinct tag|1<{0} distinct tags}",
    "# {0} - uncaptioned", "STATUS_Uncaptioned={0} without tags",
    "# {0} - tags", "# {1} - file", "STATUS_Vocabulary=autocomplete: {0} tagger tags from {1}",
    "# {0} - reason", "STATUS_VocabularyFailed=tagger tags not loaded: {0}",
    "# {0} - reason", "STATUS_ListFailed=Cannot list the dataset: {0}",
    "# {0} - tag", "# {1} - hidden",
    "STATUS_HiddenByFilter={1} images with \u201c{0}\u201d are hidden by the filter"
})
public final class TagEditorTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TagEditorTopComponent.class.getName());
    private static final long THUMBNAIL_MEMORY = 48L * 1024 * 1024;

    private final transient TagProject project;
    private final transient TagEditorSession session;
    private final transient ThumbnailLoader thumbnails;
    private final ImageListPane images;
    private final PreviewPanel preview = new PreviewPanel();
    private final transient ImageView imageView;
    private final CaptionEditorPanel editor;
    private final TagStatsPanel stats;
    private final TagEditorToolbar toolbar;
    private final JTabbedPane tabs = new JTabbedPane();
    private final JLabel status = new JLabel(" ");
    private final transient CaptionFolder folder;
    private final Timer statsTimer;
    private final transient RequestProcessor.Task vocabularyTask = TagEditorThreads.IO.create(this::loadVocabulary);
    private transient java.util.prefs.PreferenceChangeListener modelFolderListener;
    private final transient java.beans.PropertyChangeListener nameListener = e -> SwingUtilities.invokeLater(
            this::showName);
    private transient String lastAction;
    private transient String vocabularyNote;
    private boolean busy;

    TagEditorTopComponent(TagProject project) {
        this.project = project;
        showName();
        setToolTipText(project.layout().dataset().toString());
        setLayout(new BorderLayout());
        session = new TagEditorSession(project.displayName(), this::setBusy, this::action);
        thumbnails = new ThumbnailLoader(Thumbnails.cache()::thumbnail, TagEditorThreads.THUMBNAILS,
                SwingUtilities::invokeLater, THUMBNAIL_MEMORY, ImageListPane.SIDE, i -> images().grid()
                .thumbnailArrived(i));
        images = new ImageListPane(session.index, thumbnails);
        images.grid().setDecorations(new TagBadges(session.index, session.marks));
        imageView = new ImageView(preview, thumbnails);
        editor = new CaptionEditorPanel(session.index, session.editing, session::trigger, session.suggestions,
                session.marks);
        stats = new TagStatsPanel(this::selectImagesWith,
                tag -> images.setFilterText(TagFilter.and(images.filterField().getText(), tag)));
        toolbar = new TagEditorToolbar(new Commands());
        folder = new CaptionFolder(project.layout(), TagEditorThreads.IO, new FolderSink());
        statsTimer = new Timer(200, e -> stats.set(session.index.statistics(), session.suggestions.vocabulary()));
        statsTimer.setRepeats(false);

        tabs.addTab(Bundle.TAB_Tags(), editor);
        tabs.addTab(Bundle.TAB_Statistics(), stats);
        // list: two columns of thumbnails; the image and the tags share the rest, the image a little more
        images.setPreferredSize(new Dimension(236, 500));
        images.setMinimumSize(new Dimension(130, 100));
        preview.setPreferredSize(new Dimension(300, 500));
        tabs.setPreferredSize(new Dimension(340, 500));
        JSplitPane right = split(JSplitPane.HORIZONTAL_SPLIT, preview, tabs, 0.55);
        JSplitPane main = split(JSplitPane.HORIZONTAL_SPLIT, images, right, 0.0);
        add(toolbar, BorderLayout.NORTH);
        add(main, BorderLayout.CENTER);
        status.setName("tagStatus");
        status.setMinimumSize(new Dimension(0, status.getPreferredSize().height));
        status.setBorder(BorderFactory.createEmptyBorder(3, 6, 3, 6));
        add(status, BorderLayout.SOUTH);

        images.grid().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showSelection();
            }
        });
        images.onFilterChanged(f -> updateStatus());
        session.index.addListener(this::captionsChanged);
        bindKeys();
        setBusy(false);
        updateStatus();
    }

    // the listeners made in the constructor run later; this makes the forward reference explicit
    private ImageListPane images() {
        return images;
    }

    private static JSplitPane split(int orientation, JComponent a, JComponent b, double weight) {
        JSplitPane s = new JSplitPane(orientation, a, b);
        s.setResizeWeight(weight);
        s.setBorder(BorderFactory.createEmptyBorder());
        return s;
    }

    TagProject project() {
        return project;
    }

    private void showName() {
        setName(Bundle.CTL_TagEditorTopComponent(project.displayName()));
        setDisplayName(getName());
    }

    @Override
    public UndoRedo getUndoRedo() {
        return session.undo;
    }

    // ------------------------------------------------------------------ keyboard

    /** Alt+←/→ and Page Up/Down: previous and next image, wherever the focus is in the window. */
    private void bindKeys() {
        bind("previousImage", () -> images.step(-1), KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, KeyEvent.ALT_DOWN_MASK),
                KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, 0));
        bind("nextImage", () -> images.step(1), KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, KeyEvent.ALT_DOWN_MASK),
                KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0));
        bind("addTag", editor::focusField, KeyStroke.getKeyStroke(KeyEvent.VK_T, KeyEvent.CTRL_DOWN_MASK));
        // the grid's own Page Up/Down would scroll it instead
        images.grid().getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, 0), "previousImage");
        images.grid().getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0), "nextImage");
        images.grid().getActionMap().put("previousImage", getActionMap().get("previousImage"));
        images.grid().getActionMap().put("nextImage", getActionMap().get("nextImage"));
    }

    private void bind(String name, Runnable action, KeyStroke... keys) {
        for (KeyStroke k : keys) {
            getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(k, name);
        }
        getActionMap().put(name, new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    /** Keyboard-first: the tag field has the focus when the window is activated. */
    @Override
    public boolean requestFocusInWindow() {
        editor.focusField();
        return true;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void requestFocus() {
        editor.focusField();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    @Override
    protected String preferredID() {
        return "TagEditorTopComponent";
    }

    @Override
    protected void componentOpened() {
        folder.start();
        vocabularyTask.schedule(0);
        modelFolderListener = AutoTagPreferences.onModelFolderChanged(() -> vocabularyTask.schedule(0));
        ProjectUtils.getInformation(project.project()).addPropertyChangeListener(nameListener);
    }

    @Override
    protected void componentClosed() {
        folder.stop();
        imageView.close();
        ProjectUtils.getInformation(project.project()).removePropertyChangeListener(nameListener);
        statsTimer.stop();
        if (modelFolderListener != null) {
            AutoTagPreferences.removeListener(modelFolderListener);
            modelFolderListener = null;
        }
    }

    /** Changes made by other programs show when the user comes back to the window. */
    @Override
    protected void componentActivated() {
        folder.refreshFromDisk();
        folder.recheck();
    }

    // ------------------------------------------------------------------ what is shown

    private void showSelection() {
        DatasetImage lead = images.grid().lead();
        Path file = lead == null ? null : lead.file();
        images.setSticky(file);
        imageView.show(lead);
        editor.show(file);
        updateStatus();
    }

    private void captionsChanged(Set<Path> changed) {
        Path shown = editor.image();
        if (changed == null || shown != null && changed.contains(shown)) {
            editor.refresh();
        }
        images.captionsChanged();
        statsTimer.restart();
        updateStatus();
    }

    private void setBusy(boolean busy) {
        this.busy = busy;
        editor.setBusy(busy);
        toolbar.setBusy(busy, session.trigger() != null);
    }

    /** The last thing a job did, shown at the end of the status line until the next one. */
    private void action(String line) {
        lastAction = line;
        updateStatus();
    }

    private void updateStatus() {
        List<String> parts = new ArrayList<>();
        int all = images.model().all().size();
        parts.add(Bundle.STATUS_Images(all));
        if (images.filter().active()) {
            parts.add(Bundle.STATUS_Shown(images.model().getSize()));
        }
        int selected = images.grid().getSelectedIndices().length;
        if (selected > 1) {
            parts.add(Bundle.STATUS_Selected(selected));
        }
        parts.add(Bundle.STATUS_Tags(session.index.statistics().rows().size()));
        long empty = session.index.captions().values().stream().filter(c -> c.isEmpty()).count();
        if (empty > 0) {
            parts.add(Bundle.STATUS_Uncaptioned(empty));
        }
        if (vocabularyNote != null) {
            parts.add(vocabularyNote);
        }
        if (lastAction != null) {
            parts.add(lastAction);
        }
        status.setText(String.join(" \u00b7 ", parts));
    }

    private void selectImagesWith(String tag) {
        List<Path> with = new ArrayList<>();
        session.index.captions().forEach((image, caption) -> {
            if (caption.contains(tag)) {
                with.add(image);
            }
        });
        List<Path> shown = images.shownFiles();
        long hidden = with.stream().filter(p -> !shown.contains(p)).count();
        images.grid().select(with);
        images.grid().requestFocusInWindow();
        action(hidden > 0 ? Bundle.STATUS_HiddenByFilter(tag, hidden) : null);
    }

    /** The images a batch can go over; "filtered" only while a filter narrows the list. */
    private BatchScope scope() {
        return new BatchScope(session.index.images(), images.filter().active() ? images.matchingFiles() : List.of(),
                images.selectedFiles());
    }

    private BatchScope.Choice defaultChoice() {
        if (images.selectedFiles().size() > 1) {
            return BatchScope.Choice.SELECTED;
        }
        return images.filter().active() ? BatchScope.Choice.FILTERED : BatchScope.Choice.ALL;
    }

    /** Off the event thread: the tagger vocabulary of the chosen model folder, for autocomplete and categories. */
    private void loadVocabulary() {
        Path modelFolder = AutoTagPreferences.modelFolder();
        Vocabulary v;
        String note;
        try {
            v = VocabularyLoader.load(modelFolder);
            note = v.isEmpty() ? null : Bundle.STATUS_Vocabulary(v.tags().size(),
                    modelFolder.getFileName().toString());
        } catch (IOException e) {
            LOG.log(Level.FINE, "vocabulary not loaded", e);
            v = Vocabulary.EMPTY;
            note = Bundle.STATUS_VocabularyFailed(e.getMessage());
        }
        Vocabulary loaded = v;
        String shownNote = note;
        SwingUtilities.invokeLater(() -> {
            session.suggestions.setVocabulary(loaded);
            vocabularyNote = shownNote;
            editor.refresh();
            statsTimer.restart();
            updateStatus();
        });
    }

    /** Off the event thread: which tags of the listed images a tagger model wrote, from the store. */
    private void loadMarks(List<DatasetImage> listed) {
        Map<Path, Map<String, io.atelier.tageditor.ui.autotag.PredictionMarks.Mark>> loaded =
                PredictionStore.load(listed, () -> !isOpened());
        if (loaded.isEmpty()) {
            return;
        }
        SwingUtilities.invokeLater(() -> {
            loaded.forEach(session.marks::put);
            editor.refresh();
            images.grid().repaint();
        });
    }

    // ------------------------------------------------------------------ the dataset on disk

    private final class FolderSink implements CaptionFolder.Sink {
        @Override
        public void listed(CaptionFolder.Listing listing) {
            if (listing.failure() != null) {
                action(Bundle.STATUS_ListFailed(listing.failure()));
            }
            session.setTrigger(listing.trigger());
            toolbar.showTrigger(listing.trigger());
            toolbar.setBusy(busy, listing.trigger() != null);
            List<Path> files = listing.images().stream().map(DatasetImage::file).toList();
            session.index.replaceAll(files, listing.captions(), listing.problems());
            boolean first = images.model().all().isEmpty();
            images.setImages(listing.images());
            if (first && images.model().getSize() > 0 && images.grid().isSelectionEmpty()) {
                images.grid().setSelectedIndex(0);
            }
            showSelection();
            TagEditorThreads.IO.post(() -> loadMarks(listing.images()));
        }

        @Override
        public void reread(List<CaptionText> captions, Map<Path, String> problems) {
            captions.forEach(session.index::reread);
            problems.forEach(session.index::unreadable);
        }
    }

    // ------------------------------------------------------------------ commands

    private final class Commands implements TagEditorToolbar.Commands {
        @Override
        public void batchEdit() {
            batch(BatchOperation.ADD, defaultChoice(), stats.selectedTag());
        }

        @Override
        public void triggerFirst() {
            batch(BatchOperation.TRIGGER_FIRST, BatchScope.Choice.ALL, null);
        }

        private void batch(BatchOperation op, BatchScope.Choice choice, String first) {
            BatchPreview p = BatchDialog.ask(project.displayName(), scope(), op, choice, first, session.trigger(),
                    TagEditorThreads.IO);
            if (p != null) {
                session.batches.apply(p);
            }
        }

        @Override
        public void autoTag() {
            AutoTagJob.Request r = AutoTagDialog.ask(project.displayName(), scope(), defaultChoice(),
                    session.trigger());
            if (r != null) {
                session.autoTag.start(r);
            }
        }

        @Override
        public void reload() {
            folder.refreshFromDisk();
            folder.relist();
        }
    }
}
