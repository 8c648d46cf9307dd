package io.atelier.dataset.ui;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.buckets.BucketSettingsPanel;
import io.atelier.dataset.ui.buckets.BucketSummary;
import io.atelier.dataset.ui.grid.Badge;
import io.atelier.dataset.ui.grid.CellDecorations;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.grid.DatasetListing;
import io.atelier.dataset.ui.grid.GridModel;
import io.atelier.dataset.ui.grid.ThumbnailGrid;
import io.atelier.dataset.ui.grid.ThumbnailLoader;
import io.atelier.dataset.ui.grid.Thumbnails;
import io.atelier.dataset.ui.importing.FileDropHandler;
import io.atelier.dataset.ui.prepare.PrepareJobs;
import io.atelier.dataset.ui.preview.PreviewPanel;
import io.atelier.dataset.ui.report.FindingKind;
import io.atelier.dataset.ui.report.ImageFilter;
import io.atelier.dataset.ui.report.QualityIndex;
import io.atelier.dataset.ui.report.QualitySummary;
import io.atelier.dataset.ui.trash.RestoreDialog;
import io.atelier.dataset.ui.trash.TrashSelection;
import io.atelier.dataset.ui.trash.Trashing;
import io.atelier.imaging.prepare.DatasetPreparer;
import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.beans.PropertyChangeListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.event.HyperlinkEvent;
import org.netbeans.api.project.ProjectUtils;
import org.openide.filesystems.FileChangeAdapter;
import org.openide.filesystems.FileChangeListener;
import org.openide.filesystems.FileEvent;
import org.openide.filesystems.FileRenameEvent;
import org.openide.filesystems.FileUtil;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * The Dataset window of one project: the grid of its images with filter and bucket overlay, the preview of the
 * selected image with its details, the dataset's quality report and bucket plan, and the actions that change the
 * dataset. It wires the parts together and keeps the grid in step with the folder; the parts do the work
 * ({@link QualityController}, {@link BucketController}, {@link SelectionView}, {@link FindingFixes}, the jobs).
 */
@Messages({
    "# {0} - project name",
    "CTL_DatasetTopComponent=Dataset \u2014 {0}",
    "TAB_Image=Image",
    "TAB_Quality=Quality",
    "TAB_Buckets=Buckets",
    "LBL_QualityNotChecked=<html><body style='font-family:sans-serif'><p>Not checked yet.</p><p>"
        + "<a href='check'>Check Quality</a> reports low resolution, blur, heavy JPEG compression, exact and near "
        + "duplicates, images stored sideways or with transparency, missing captions and unreadable files, for each "
        + "image and for the dataset.</p></body></html>",
    "LBL_BucketsNotPlanned=<html><body style='font-family:sans-serif'>Turn on <b>Buckets</b> above the grid to see "
        + "which sd-scripts bucket each image lands in and what its crop removes.</body></html>",
    "# {0} - images",
    "STATUS_Images={0,choice,0#No images|1#1 image|1<{0} images}",
    "# {0} - selected",
    "STATUS_Selected={0} selected",
    "STATUS_NotChecked=quality not checked",
    "# {0} - open findings", "# {1} - kept",
    "STATUS_Findings={0,choice,0#no findings|1#1 finding|1<{0} findings}{1,choice,0#|1# (1 kept)|1< ({1} kept)}",
    "STATUS_Stale=new images since the check",
    "# {0} - shown", "# {1} - filter",
    "STATUS_Filtered=showing {0} ({1})",
    "# {0} - reason",
    "STATUS_ListFailed=Cannot list the dataset: {0}"
})
public final class DatasetTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatasetTopComponent.class.getName());
    /** Scaled thumbnails held in memory per window; the rest come back from the disk cache in milliseconds. */
    private static final long THUMBNAIL_MEMORY = 96L * 1024 * 1024;

    private final transient DatasetProject project;
    private final transient ProjectLayout layout;
    private final GridModel model = new GridModel();
    private final transient ThumbnailLoader loader;
    private final ThumbnailGrid grid;
    private final DatasetToolbar toolbar;
    private final PreviewPanel preview = new PreviewPanel();
    private final ImageDetailsPanel details;
    private final transient SelectionView selection;
    private final transient QualityController quality;
    private final transient BucketController buckets;
    private final JEditorPane qualityPane = htmlPane();
    private final JEditorPane bucketPane = htmlPane();
    private final BucketSettingsPanel bucketSettings;
    private final JTabbedPane tabs = new JTabbedPane();
    private final JLabel status = new JLabel(" ");
    private final transient RequestProcessor.Task listing = DatasetThreads.IO.create(this::listDataset);
    private final transient FileChangeListener folderListener = new FolderListener();
    private final transient PropertyChangeListener nameListener = e -> SwingUtilities.invokeLater(this::showName);

    private transient ImageFilter filter = ImageFilter.ALL;
    private transient List<Path> pendingSelection;
    private int pendingSelectionRow = -1;

    DatasetTopComponent(DatasetProject project) {
        this.project = project;
        this.layout = project.layout();
        showName();
        setToolTipText(layout.dataset().toString());
        setLayout(new BorderLayout());

        loader = new ThumbnailLoader(Thumbnails.cache()::thumbnail, DatasetThreads.THUMBNAILS,
                SwingUtilities::invokeLater, THUMBNAIL_MEMORY, DatasetToolbar.DEFAULT_SIDE,
                image -> grid().thumbnailArrived(image));
        grid = new ThumbnailGrid(model, loader, DatasetToolbar.DEFAULT_SIDE);
        grid.setName("datasetGrid");
        grid.setDecorations(new Decorations());
        grid.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showSelection();
            }
        });
        toolbar = new DatasetToolbar(new Commands());
        quality = new QualityController(project, this::qualityChanged,
                () -> toolbar.check.setEnabled(!quality().checking()));
        buckets = new BucketController(this::bucketsChanged);
        details = new ImageDetailsPanel(new FindingFixes(project, grid::lead, this::trash, quality,
                () -> selection().reload()));
        selection = new SelectionView(preview, details, loader);
        bucketSettings = new BucketSettingsPanel(s -> planBuckets());

        add(toolbar.actions, BorderLayout.NORTH);
        JScrollPane gridScroll = new JScrollPane(grid);
        gridScroll.getVerticalScrollBar().setUnitIncrement(24);
        JPanel gridPane = new JPanel(new BorderLayout());
        gridPane.add(toolbar.view, BorderLayout.NORTH);
        gridPane.add(gridScroll, BorderLayout.CENTER);
        JSplitPane right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, preview, sideTabs());
        right.setResizeWeight(0.55);
        right.setBorder(BorderFactory.createEmptyBorder());
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, gridPane, right);
        split.setResizeWeight(0.5);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split, BorderLayout.CENTER);
        status.setName("datasetStatus");
        status.setBorder(BorderFactory.createEmptyBorder(3, 6, 3, 6));
        add(status, BorderLayout.SOUTH);

        FileDropHandler drops = new FileDropHandler(files -> ImportImagesAction.importFiles(project, files));
        setTransferHandler(drops);
        grid.setTransferHandler(drops);
        preview.setTransferHandler(drops);
        bindKeys();
        updateStatus();
        updateButtons(false);
    }

    // the listeners made in the constructor run later; these make the forward references explicit
    private ThumbnailGrid grid() {
        return grid;
    }

    private QualityController quality() {
        return quality;
    }

    private SelectionView selection() {
        return selection;
    }

    DatasetProject project() {
        return project;
    }

    private JTabbedPane sideTabs() {
        JScrollPane detailsScroll = new JScrollPane(details);
        detailsScroll.setBorder(BorderFactory.createEmptyBorder());
        tabs.addTab(Bundle.TAB_Image(), detailsScroll);
        qualityPane.setText(Bundle.LBL_QualityNotChecked());
        qualityPane.addHyperlinkListener(e -> {
            if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED) {
                qualityLink(e.getDescription());
            }
        });
        tabs.addTab(Bundle.TAB_Quality(), new JScrollPane(qualityPane));
        JPanel bucketTab = new JPanel(new BorderLayout(0, 6));
        bucketSettings.setBorder(BorderFactory.createEmptyBorder(6, 8, 0, 8));
        bucketTab.add(bucketSettings, BorderLayout.NORTH);
        bucketPane.setText(Bundle.LBL_BucketsNotPlanned());
        bucketTab.add(new JScrollPane(bucketPane), BorderLayout.CENTER);
        tabs.addTab(Bundle.TAB_Buckets(), bucketTab);
        return tabs;
    }

    private static JEditorPane htmlPane() {
        JEditorPane pane = new JEditorPane("text/html", "");
        pane.setEditable(false);
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        pane.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        return pane;
    }

    /** Delete trashes, Enter/Space toggle the preview between fit and 100 %, +/- zoom it. */
    private void bindKeys() {
        bind(grid, "trash", this::trashSelection, KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0));
        bind(grid, "toggleZoom", preview::toggleZoom, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0),
                KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0));
        bind(this, "zoomIn", preview::zoomIn, KeyStroke.getKeyStroke(KeyEvent.VK_PLUS, 0),
                KeyStroke.getKeyStroke(KeyEvent.VK_ADD, 0), KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, 0),
                KeyStroke.getKeyStroke('+'));
        bind(this, "zoomOut", preview::zoomOut, KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, 0),
                KeyStroke.getKeyStroke(KeyEvent.VK_SUBTRACT, 0));
        grid.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    preview.toggleZoom();
                }
            }
        });
    }

    private static void bind(JComponent c, String name, Runnable action, KeyStroke... keys) {
        int when = c instanceof TopComponent ? WHEN_ANCESTOR_OF_FOCUSED_COMPONENT : WHEN_FOCUSED;
        for (KeyStroke k : keys) {
            c.getInputMap(when).put(k, name);
        }
        c.getActionMap().put(name, new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    private void showName() {
        setName(Bundle.CTL_DatasetTopComponent(project.displayName()));
        setDisplayName(getName());
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    @Override
    protected String preferredID() {
        return "DatasetTopComponent";
    }

    /** Keyboard focus goes to the grid when the window is activated, so the arrow keys work at once. */
    @Override
    public boolean requestFocusInWindow() {
        return grid.requestFocusInWindow();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void requestFocus() {
        grid.requestFocus();
    }

    @Override
    protected void componentOpened() {
        FileUtil.addFileChangeListener(folderListener, FileUtil.normalizeFile(layout.dataset().toFile()));
        ProjectUtils.getInformation(project.project()).addPropertyChangeListener(nameListener);
        quality.loadKept();
        listing.schedule(0);
    }

    @Override
    protected void componentClosed() {
        FileUtil.removeFileChangeListener(folderListener, FileUtil.normalizeFile(layout.dataset().toFile()));
        ProjectUtils.getInformation(project.project()).removePropertyChangeListener(nameListener);
        selection.close();
        listing.cancel();
        buckets.cancel();
    }

    /** Changes made outside the app (a file manager, an image editor) show when the user comes back. */
    @Override
    protected void componentActivated() {
        DatasetThreads.IO.post(() -> FileUtil.refreshFor(layout.dataset().toFile()));
    }

    // ------------------------------------------------------------------ listing

    /** Lists the dataset again soon; bursts of file events coalesce into one listing. */
    void refresh() {
        listing.schedule(150);
    }

    /** After the next listing, selects these files (e.g. what an import or a restore brought in). */
    void selectAfterRefresh(List<Path> files) {
        pendingSelection = List.copyOf(files);
        listing.schedule(0);
    }

    private void listDataset() {
        try {
            List<DatasetImage> images = DatasetListing.list(layout);
            boolean undoable = DatasetPreparer.canUndo(layout);
            SwingUtilities.invokeLater(() -> applyListing(images, undoable));
        } catch (IOException e) {
            LOG.log(Level.FINE, "listing failed", e);
            SwingUtilities.invokeLater(() -> status.setText(Bundle.STATUS_ListFailed(e.getMessage())));
        }
    }

    /**
     * Shows a new listing, keeping the selection; after a move to the trash the image that took the place of the first
     * removed one is selected, so Delete can be pressed again.
     */
    private void applyListing(List<DatasetImage> images, boolean undoable) {
        List<Path> select = pendingSelection;
        int afterTrash = pendingSelectionRow;
        pendingSelection = null;
        pendingSelectionRow = -1;
        if (select == null && afterTrash < 0) {
            grid.preservingSelection(() -> model.setImages(images));
        } else {
            model.setImages(images);
            if (select != null) {
                grid.select(select);
            } else if (model.getSize() > 0) {
                int row = Math.min(afterTrash, model.getSize() - 1);
                grid.setSelectedIndex(row);
                grid.ensureIndexIsVisible(row);
            }
        }
        quality.listed(images);
        if (buckets.overlay()) {
            planBuckets();
        }
        updateButtons(undoable);
        showSelection();
    }

    private final class FolderListener extends FileChangeAdapter {
        @Override
        public void fileDataCreated(FileEvent fe) {
            refresh();
        }

        @Override
        public void fileFolderCreated(FileEvent fe) {
            refresh();
        }

        @Override
        public void fileChanged(FileEvent fe) {
            refresh();
        }

        @Override
        public void fileDeleted(FileEvent fe) {
            refresh();
        }

        @Override
        public void fileRenamed(FileRenameEvent fe) {
            refresh();
        }
    }

    // ------------------------------------------------------------------ what is shown

    private void showSelection() {
        selection.show(grid.lead(), grid.getSelectedIndices().length, quality.view(), buckets);
        toolbar.trash.setEnabled(!grid.isSelectionEmpty());
        updateStatus();
    }

    private void qualityChanged() {
        QualityIndex view = quality.view();
        grid.preservingSelection(() -> model.setFilter(filter.predicate(view)));
        if (view == null) {
            qualityPane.setText(Bundle.LBL_QualityNotChecked());
        } else {
            qualityPane.setText(QualitySummary.html(view, quality.stale()));
        }
        qualityPane.setCaretPosition(0);
        grid.repaint();
        selection.showFindings(view);
        updateStatus();
    }

    private void bucketsChanged() {
        bucketPane.setText(BucketSummary.html(buckets.index()));
        bucketPane.setCaretPosition(0);
        grid.repaint();
        selection.showBucket(buckets);
    }

    private void updateStatus() {
        List<String> parts = new ArrayList<>();
        parts.add(Bundle.STATUS_Images(model.all().size()));
        int selected = grid.getSelectedIndices().length;
        if (selected > 0) {
            parts.add(Bundle.STATUS_Selected(selected));
        }
        QualityIndex view = quality.view();
        if (view == null) {
            parts.add(Bundle.STATUS_NotChecked());
        } else {
            parts.add(Bundle.STATUS_Findings(view.openTotal(), view.keptTotal()));
            if (quality.stale()) {
                parts.add(Bundle.STATUS_Stale());
            }
        }
        if (filter.needsReport()) {
            parts.add(Bundle.STATUS_Filtered(model.getSize(), filter));
        }
        status.setText(String.join(" \u00b7 ", parts));
    }

    private void updateButtons(boolean undoable) {
        toolbar.undoPrepare.setEnabled(undoable);
        toolbar.prepare.setEnabled(!model.all().isEmpty());
        toolbar.trash.setEnabled(!grid.isSelectionEmpty());
        toolbar.check.setEnabled(!quality.checking());
    }

    private void qualityLink(String link) {
        if (link.equals("check")) {
            quality.check(() -> { });
        } else if (link.startsWith("filter:")) {
            toolbar.filter.setSelectedItem(new ImageFilter(FindingKind.valueOf(link.substring(7))));
        } else if (link.startsWith("select:")) {
            toolbar.filter.setSelectedItem(ImageFilter.ALL);
            List<Path> files = new ArrayList<>();
            for (String name : link.substring(7).split("\\|")) {
                files.add(layout.dataset().resolve(QualitySummary.unescape(name)));
            }
            grid.select(files);
            grid.requestFocusInWindow();
        } else if (link.equals("forget-kept")) {
            quality.forgetKept();
        }
    }

    /** A finding filter needs a report: choosing one runs the check if there is none yet. */
    private void setFilter(ImageFilter f) {
        filter = f;
        if (f.needsReport() && quality.view() == null && !quality.checking()) {
            quality.check(() -> { });
        }
        grid.preservingSelection(() -> model.setFilter(f.predicate(quality.view())));
        if (model.getSize() > 0 && grid.isSelectionEmpty()) {
            grid.setSelectedIndex(0);
        }
        updateStatus();
    }

    private void planBuckets() {
        BucketSettings settings = bucketSettings.settings().orElse(null);
        if (settings != null) {
            buckets.plan(model.all(), settings);
        }
    }

    private void setOverlay(boolean on) {
        buckets.setOverlay(on);
        if (on) {
            tabs.setSelectedIndex(2);
            planBuckets();
        }
        grid.repaint();
        selection.showBucket(buckets);
    }

    // ------------------------------------------------------------------ dataset actions

    private void trashSelection() {
        trash(grid.selectedImages());
    }

    private void trash(List<DatasetImage> images) {
        List<Path> files = TrashSelection.files(images, layout);
        if (files.isEmpty()) {
            return;
        }
        int firstRow = Math.max(0, grid.getMinSelectionIndex());
        Trashing.moveToTrash(DatasetThreads.WORK, layout, files, trashed -> {
            pendingSelectionRow = firstRow;
            pendingSelection = null;
            listing.schedule(0);
        });
    }

    /** Prepare or its undo renamed every image: the report and the plan describe files that no longer exist. */
    private void afterDatasetRewrite() {
        quality.forgetReport();
        listing.schedule(0);
    }

    /** The toolbars' commands, kept off the window's public surface. */
    private final class Commands implements DatasetToolbar.Commands {
        @Override
        public void importImages() {
            ImportImagesAction.chooseAndImport(project);
        }

        @Override
        public void prepare() {
            PrepareJobs.prepare(DatasetThreads.WORK, layout, project.displayName(), model.all().size(),
                    DatasetTopComponent.this::afterDatasetRewrite);
        }

        @Override
        public void undoPrepare() {
            PrepareJobs.undo(DatasetThreads.WORK, layout, project.displayName(),
                    DatasetTopComponent.this::afterDatasetRewrite);
        }

        @Override
        public void checkQuality() {
            tabs.setSelectedIndex(1);
            quality.check(() -> { });
        }

        @Override
        public void trashSelection() {
            DatasetTopComponent.this.trashSelection();
        }

        @Override
        public void restoreFromTrash() {
            RestoreDialog.show(DatasetThreads.WORK, layout, project.displayName(),
                    DatasetTopComponent.this::selectAfterRefresh);
        }

        @Override
        public void refresh() {
            DatasetThreads.IO.post(() -> FileUtil.refreshFor(layout.dataset().toFile()));
            listing.schedule(0);
        }

        @Override
        public void filterChanged(ImageFilter f) {
            setFilter(f);
        }

        @Override
        public void overlayChanged(boolean on) {
            setOverlay(on);
        }

        @Override
        public void sideChanged(int px, boolean adjusting) {
            grid.setImageSide(px, adjusting);
        }
    }

    /** Badges from the quality report, crops from the bucket plan. */
    private final class Decorations implements CellDecorations {
        @Override
        public List<Badge> badges(DatasetImage image) {
            QualityIndex view = quality.view();
            if (view == null) {
                return List.of();
            }
            Set<FindingKind> kinds = view.open(image.name());
            if (kinds.isEmpty()) {
                return List.of();
            }
            List<Badge> badges = new ArrayList<>(kinds.size());
            for (FindingKind k : kinds) {
                badges.add(new Badge(k.badge(), k.color(), k.label()));
            }
            return badges;
        }

        @Override
        public BucketAssignment bucket(DatasetImage image) {
            return buckets.overlayFor(image);
        }
    }
}
