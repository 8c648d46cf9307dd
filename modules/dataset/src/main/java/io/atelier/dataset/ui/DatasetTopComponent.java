package io.atelier.dataset.ui;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.core.buckets.BucketSettings;
import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectDescriptorException;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.dataset.ui.buckets.BucketIndex;
import io.atelier.dataset.ui.buckets.BucketPlanning;
import io.atelier.dataset.ui.buckets.BucketSettingsPanel;
import io.atelier.dataset.ui.buckets.BucketSummary;
import io.atelier.dataset.ui.buckets.CropOverlay;
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
import io.atelier.dataset.ui.preview.PreviewLoader;
import io.atelier.dataset.ui.preview.PreviewPanel;
import io.atelier.dataset.ui.report.CaptionDialog;
import io.atelier.dataset.ui.report.Finding;
import io.atelier.dataset.ui.report.FindingKind;
import io.atelier.dataset.ui.report.Fix;
import io.atelier.dataset.ui.report.ImageFilter;
import io.atelier.dataset.ui.report.KeptFindings;
import io.atelier.dataset.ui.report.QualityIndex;
import io.atelier.dataset.ui.report.QualitySummary;
import io.atelier.dataset.ui.report.SystemEditor;
import io.atelier.dataset.ui.trash.RestoreDialog;
import io.atelier.dataset.ui.trash.TrashSelection;
import io.atelier.dataset.ui.trash.Trashing;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.dataset.ui.work.Cancelled;
import io.atelier.dataset.ui.work.FolderRefresh;
import io.atelier.dataset.ui.work.ProblemList;
import io.atelier.imaging.prepare.DatasetPreparer;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.resample.Resampler;
import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.beans.PropertyChangeListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
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
 * selected image with its findings, caption and bucket, the dataset's quality report and bucket plan, and the
 * actions that change the dataset (import, prepare, trash, restore). Disk work runs on request processors; results
 * come back to the event thread, which only ever paints and updates models.
 */
@Messages({
    "# {0} - project name",
    "CTL_DatasetTopComponent=Dataset \u2014 {0}",
    "TAB_Image=Image",
    "TAB_Quality=Quality",
    "TAB_Buckets=Buckets",
    "LBL_QualityNotChecked=<html><body style='font-family:sans-serif'><p>Not checked yet.</p><p>"
        + "<a href='check'>Check Quality</a> reports low resolution, blur, heavy JPEG compression, exact and near "
        + "duplicates, missing captions and unreadable files, for each image and for the dataset.</p></body></html>",
    "LBL_BucketsNotPlanned=<html><body style='font-family:sans-serif'>Turn on <b>Buckets</b> in the toolbar to see "
        + "which sd-scripts bucket each image lands in and what its crop removes.</body></html>",
    "# {0} - project name",
    "PROGRESS_Check=Checking the quality of {0}",
    "PROGRESS_Buckets=Planning buckets",
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
    "STATUS_ListFailed=Cannot list the dataset: {0}",
    "# {0} - file", "# {1} - reason",
    "ERR_Open=Cannot open {0}: {1}",
    "# {0} - reason",
    "ERR_Kept=The kept findings cannot be read, so every finding shows: {0}",
    "# {0} - reason",
    "ERR_SaveKept=The kept finding is not remembered: {0}",
    "# {0} - file", "# {1} - reason",
    "ERR_Caption=Cannot write the caption {0}: {1}",
    "LBL_Loading=loading\u2026",
    "# {0} - shown long side", "# {1} - stored long side",
    "LBL_Reduced=preview reduced to {0} px of {1} px on the long side"
})
public final class DatasetTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatasetTopComponent.class.getName());
    /** File-changing work and the quality check, one at a time over all projects: they compete for the disk. */
    private static final RequestProcessor WORK = new RequestProcessor("Dataset work", 1, true);
    /** Listings, small reads and writes (kept findings, captions, opening editors). */
    private static final RequestProcessor LISTING = new RequestProcessor("Dataset listing", 2);
    private static final RequestProcessor BUCKETS = new RequestProcessor("Dataset buckets", 1, true);
    /** One core stays free for the event thread, so scrolling stays smooth while thumbnails are made. */
    private static final RequestProcessor THUMBNAILS = new RequestProcessor("Dataset thumbnails",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));
    /** Scaled thumbnails held in memory per window; the rest come back from the disk cache in milliseconds. */
    private static final long THUMBNAIL_MEMORY = 96L * 1024 * 1024;

    private final transient DatasetProject project;
    private final transient ProjectLayout layout;
    private final GridModel model = new GridModel();
    private final transient ThumbnailLoader loader;
    private final ThumbnailGrid grid;
    private final DatasetToolbar toolbar;
    private final PreviewPanel preview = new PreviewPanel();
    private final transient PreviewLoader previewLoader = new PreviewLoader();
    private final ImageDetailsPanel details;
    private final JEditorPane qualityPane = htmlPane();
    private final JEditorPane bucketPane = htmlPane();
    private final BucketSettingsPanel bucketSettings;
    private final JTabbedPane tabs = new JTabbedPane();
    private final JLabel status = new JLabel(" ");
    private final transient BucketPlanning planning = new BucketPlanning();
    private final transient RequestProcessor.Task listing = LISTING.create(this::listDataset);
    private final transient FileChangeListener folderListener = new FolderListener();
    private final transient PropertyChangeListener nameListener = e -> SwingUtilities.invokeLater(this::showName);

    private transient ImageFilter filter = ImageFilter.ALL;
    private transient QualityIndex checked;     // the last report with kept findings, all files it covered
    private transient QualityIndex quality;     // the same, for the files listed now
    private transient KeptFindings kept = KeptFindings.NONE;
    private transient BucketIndex buckets;
    private transient RequestProcessor.Task planTask;
    private transient String triggerWord;
    private transient List<Path> pendingSelection;
    private int pendingSelectionRow = -1;
    private boolean checking;
    private boolean overlay;

    DatasetTopComponent(DatasetProject project) {
        this.project = project;
        this.layout = project.layout();
        showName();
        setToolTipText(layout.dataset().toString());
        setLayout(new BorderLayout());

        loader = new ThumbnailLoader(Thumbnails.cache()::thumbnail, THUMBNAILS, SwingUtilities::invokeLater,
                THUMBNAIL_MEMORY, DatasetToolbar.DEFAULT_SIDE, image -> grid().thumbnailArrived(image));
        grid = new ThumbnailGrid(model, loader, DatasetToolbar.DEFAULT_SIDE);
        grid.setName("datasetGrid");
        grid.setDecorations(new Decorations());
        grid.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showSelection();
            }
        });
        toolbar = new DatasetToolbar(new Commands());
        details = new ImageDetailsPanel(this::applyFix);
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

        FileDropHandler drops = new FileDropHandler(this::importFiles);
        setTransferHandler(drops);
        grid.setTransferHandler(drops);
        preview.setTransferHandler(drops);
        bindKeys();
        updateStatus();
        updateButtons(false);
    }

    private ThumbnailGrid grid() {
        return grid;
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

    @Override
    protected void componentOpened() {
        FileUtil.addFileChangeListener(folderListener, FileUtil.normalizeFile(layout.dataset().toFile()));
        ProjectUtils.getInformation(project.project()).addPropertyChangeListener(nameListener);
        LISTING.post(this::loadProjectSettings);
        listing.schedule(0);
    }

    @Override
    protected void componentClosed() {
        FileUtil.removeFileChangeListener(folderListener, FileUtil.normalizeFile(layout.dataset().toFile()));
        ProjectUtils.getInformation(project.project()).removePropertyChangeListener(nameListener);
        previewLoader.clear();
        listing.cancel();
        if (planTask != null) {
            planTask.cancel();
        }
    }

    /** Changes made outside the app (a file manager, an image editor) show when the user comes back. */
    @Override
    protected void componentActivated() {
        LISTING.post(() -> FileUtil.refreshFor(layout.dataset().toFile()));
        grid.requestFocusInWindow();
    }

    private void loadProjectSettings() {
        try {
            triggerWord = ProjectDescriptor.read(layout.root()).triggerWord();
        } catch (ProjectDescriptorException e) {
            LOG.log(Level.FINE, "no trigger word for captions", e);
        }
        try {
            KeptFindings loaded = KeptFindings.load(KeptFindings.fileOf(layout));
            SwingUtilities.invokeLater(() -> {
                kept = loaded;
                applyQuality();
            });
        } catch (IOException e) {
            LOG.log(Level.INFO, "kept findings unreadable", e);
            ProblemList.showMessage(Bundle.ERR_Kept(e.getMessage()));
        }
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

    private void applyListing(List<DatasetImage> images, boolean undoable) {
        List<Path> select = pendingSelection != null ? pendingSelection
                : grid.selectedImages().stream().map(DatasetImage::file).toList();
        int fallbackRow = pendingSelectionRow >= 0 ? pendingSelectionRow : grid.getMinSelectionIndex();
        boolean afterTrash = pendingSelectionRow >= 0;
        pendingSelection = null;
        pendingSelectionRow = -1;
        model.setImages(images);
        restrictQuality();
        if (afterTrash || select.isEmpty()) {
            if (fallbackRow >= 0 && model.getSize() > 0) {
                int row = Math.min(fallbackRow, model.getSize() - 1);
                grid.setSelectedIndex(row);
                grid.ensureIndexIsVisible(row);
            }
        } else {
            grid.select(select);
        }
        if (overlay) {
            planBuckets();
        }
        updateButtons(undoable);
        updateStatus();
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

    // ------------------------------------------------------------------ selection, preview, details

    private DatasetImage lead() {
        int lead = grid.getLeadSelectionIndex();
        if (lead >= 0 && lead < model.getSize() && grid.isSelectedIndex(lead)) {
            return model.getElementAt(lead);
        }
        return grid.getSelectedValue();
    }

    private void showSelection() {
        DatasetImage lead = lead();
        updateStatus();
        toolbar.trash.setEnabled(!grid.isSelectionEmpty());
        if (lead == null) {
            previewLoader.clear();
            preview.clear();
            details.clear(grid.getSelectedIndices().length);
            return;
        }
        details.showImage(lead);
        showFindings(lead);
        showBucket(lead, null);
        ThumbnailLoader.Entry thumb = loader.peek(lead);
        preview.show(thumb == null ? null : thumb.image(), Bundle.LBL_Loading());
        previewLoader.load(lead, p -> {
            String note = p.problem();
            if (p.image() != null && p.stored() != null) {
                int shown = Math.max(p.image().getWidth(), p.image().getHeight());
                int stored = Math.max(p.stored().width(), p.stored().height());
                if (shown < stored) {
                    note = Bundle.LBL_Reduced(String.valueOf(shown), String.valueOf(stored));
                }
            }
            preview.show(p.image() != null ? p.image() : preview.image(), note == null ? " " : note);
            details.showStored(lead, p.stored());
            details.showCaption(p.caption());
            showBucket(lead, p);
        });
    }

    private void showFindings(DatasetImage image) {
        boolean covered = quality != null && quality.covers(image.name());
        details.showFindings(covered ? quality.describe(image.name()) : List.of(), covered);
    }

    private void showBucket(DatasetImage image, PreviewLoader.Preview loaded) {
        BucketAssignment a = buckets == null ? null : buckets.of(image.name());
        boolean sideways = false;
        if (a != null && loaded != null && loaded.image() != null) {
            sideways = !CropOverlay.sameOrientation(a, loaded.image().getWidth(), loaded.image().getHeight());
        }
        details.showBucket(a, sideways);
        preview.setOverlay(overlay ? a : null);
    }

    private void updateStatus() {
        List<String> parts = new ArrayList<>();
        parts.add(Bundle.STATUS_Images(model.all().size()));
        int selected = grid.getSelectedIndices().length;
        if (selected > 0) {
            parts.add(Bundle.STATUS_Selected(selected));
        }
        if (quality == null) {
            parts.add(Bundle.STATUS_NotChecked());
        } else {
            parts.add(Bundle.STATUS_Findings(quality.openTotal(), quality.keptTotal()));
            if (stale()) {
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
        toolbar.check.setEnabled(!checking);
    }

    // ------------------------------------------------------------------ quality

    private boolean stale() {
        if (quality == null) {
            return false;
        }
        for (DatasetImage image : model.all()) {
            if (!quality.covers(image.name())) {
                return true;
            }
        }
        return false;
    }

    private void checkQuality(Runnable then) {
        if (checking) {
            return;
        }
        checking = true;
        toolbar.check.setEnabled(false);
        BackgroundWork.start(WORK, Bundle.PROGRESS_Check(project.displayName()), progress -> {
            try {
                return DatasetReport.of(layout, Resampler.DEFAULT_LONG_SIDE, progress::step, progress::cancelled);
            } catch (CancellationException e) {
                throw new Cancelled();
            }
        }, report -> {
            checking = false;
            toolbar.check.setEnabled(true);
            checked = QualityIndex.of(report, kept);
            applyQuality();
            then.run();
        }, () -> {
            checking = false;
            toolbar.check.setEnabled(true);
        });
    }

    /** Re-applies the report after the kept findings or the listing changed. */
    private void applyQuality() {
        if (checked != null) {
            checked = checked.withKept(kept);
        }
        restrictQuality();
        model.setFilter(filter.predicate(quality));
        grid.repaint();
        updateStatus();
        DatasetImage lead = lead();
        if (lead != null) {
            showFindings(lead);
        }
    }

    private void restrictQuality() {
        if (checked == null) {
            quality = null;
            return;
        }
        Set<String> names = new HashSet<>();
        for (DatasetImage image : model.all()) {
            names.add(image.name());
        }
        quality = checked.restrictedTo(names);
        qualityPane.setText(QualitySummary.html(quality, stale()));
        qualityPane.setCaretPosition(0);
    }

    private void qualityLink(String link) {
        if (link.equals("check")) {
            checkQuality(() -> { });
        } else if (link.startsWith("filter:")) {
            toolbar.filter.setSelectedItem(new ImageFilter(FindingKind.valueOf(link.substring(7))));
        } else if (link.startsWith("select:")) {
            toolbar.filter.setSelectedItem(ImageFilter.ALL);
            List<Path> files = new ArrayList<>();
            for (String name : link.substring(7).split("\\|")) {
                files.add(layout.dataset().resolve(unescape(name)));
            }
            grid.select(files);
            grid.requestFocusInWindow();
        } else if (link.equals("forget-kept")) {
            saveKept(KeptFindings.NONE);
        }
    }

    private static String unescape(String s) {
        return s.replace("&#39;", "'").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }

    private void setFilter(ImageFilter f) {
        filter = f;
        if (f.needsReport() && checked == null) {
            checkQuality(() -> { });
        }
        model.setFilter(f.predicate(quality));
        if (model.getSize() > 0 && grid.isSelectionEmpty()) {
            grid.setSelectedIndex(0);
        }
        updateStatus();
    }

    private void applyFix(Fix fix, Finding finding) {
        DatasetImage image = lead();
        if (image == null) {
            return;
        }
        switch (fix) {
            case TRASH -> trash(List.of(image));
            case OPEN_IN_EDITOR -> LISTING.post(() -> {
                try {
                    SystemEditor.open(image.file());
                } catch (IOException e) {
                    LOG.log(Level.FINE, "system editor", e);
                    ProblemList.showMessage(Bundle.ERR_Open(image.name(), e.getMessage()));
                }
            });
            case KEEP -> {
                if (quality != null) {
                    saveKept(kept.keep(quality.keepTargets(image.name(), finding.kind()), finding.kind()));
                }
            }
            case WRITE_CAPTION -> writeCaption(image);
        }
    }

    private void saveKept(KeptFindings next) {
        kept = next;
        applyQuality();
        Path file = KeptFindings.fileOf(layout);
        LISTING.post(() -> {
            try {
                next.save(file);
            } catch (IOException e) {
                LOG.log(Level.INFO, "kept findings not saved", e);
                ProblemList.showMessage(Bundle.ERR_SaveKept(e.getMessage()));
            }
        });
    }

    private void writeCaption(DatasetImage image) {
        String text = CaptionDialog.ask(image.name(), triggerWord);
        if (text == null) {
            return;
        }
        Path caption = ProjectStats.captionOf(image.file());
        LISTING.post(() -> {
            try {
                AtomicFiles.write(caption, text.getBytes(StandardCharsets.UTF_8));
                FolderRefresh.datasetChanged(layout);
                SwingUtilities.invokeLater(() -> {
                    if (checked != null) {
                        checked = checked.withCaptionWritten(image.name());
                    }
                    applyQuality();
                    showSelection();
                });
            } catch (IOException e) {
                LOG.log(Level.INFO, "caption not written", e);
                ProblemList.showMessage(Bundle.ERR_Caption(caption.getFileName(), e.getMessage()));
            }
        });
    }

    // ------------------------------------------------------------------ buckets

    private void planBuckets() {
        BucketSettings settings = bucketSettings.settings().orElse(null);
        if (settings == null) {
            return;
        }
        List<DatasetImage> images = model.all();
        if (planTask != null) {
            planTask.cancel();
        }
        planTask = BackgroundWork.start(BUCKETS, Bundle.PROGRESS_Buckets(),
                progress -> planning.plan(images, settings, progress), index -> {
                    buckets = index;
                    bucketPane.setText(BucketSummary.html(index));
                    bucketPane.setCaretPosition(0);
                    grid.repaint();
                    DatasetImage lead = lead();
                    if (lead != null) {
                        showBucket(lead, null);
                    }
                }, () -> { });
    }

    private void setOverlay(boolean on) {
        overlay = on;
        if (on) {
            tabs.setSelectedIndex(2);
            planBuckets();
        }
        grid.repaint();
        DatasetImage lead = lead();
        if (lead != null) {
            showBucket(lead, null);
        }
    }

    // ------------------------------------------------------------------ dataset actions

    private void importFiles(List<Path> files) {
        ImportImagesAction.importFiles(project, files);
    }

    private void trashSelection() {
        trash(grid.selectedImages());
    }

    private void trash(List<DatasetImage> images) {
        List<Path> files = TrashSelection.files(images, layout);
        if (files.isEmpty()) {
            return;
        }
        int firstRow = grid.getMinSelectionIndex();
        Trashing.moveToTrash(WORK, layout, files, trashed -> {
            pendingSelectionRow = Math.max(0, firstRow);
            pendingSelection = null;
            listing.schedule(0);
        });
    }

    private void afterDatasetRewrite() {
        // Prepare renames every image: the old report and sizes describe files that no longer exist
        checked = null;
        buckets = null;
        qualityPane.setText(Bundle.LBL_QualityNotChecked());
        listing.schedule(0);
    }

    /** The toolbar's commands, kept off the window's public surface. */
    private final class Commands implements DatasetToolbar.Commands {
        @Override
        public void importImages() {
            ImportImagesAction.chooseAndImport(project);
        }

        @Override
        public void prepare() {
            PrepareJobs.prepare(WORK, layout, project.displayName(), model.all().size(),
                    DatasetTopComponent.this::afterDatasetRewrite);
        }

        @Override
        public void undoPrepare() {
            PrepareJobs.undo(WORK, layout, project.displayName(), DatasetTopComponent.this::afterDatasetRewrite);
        }

        @Override
        public void checkQuality() {
            tabs.setSelectedIndex(1);
            DatasetTopComponent.this.checkQuality(() -> { });
        }

        @Override
        public void trashSelection() {
            DatasetTopComponent.this.trashSelection();
        }

        @Override
        public void restoreFromTrash() {
            RestoreDialog.show(WORK, layout, project.displayName(), restored -> selectAfterRefresh(restored));
        }

        @Override
        public void refresh() {
            LISTING.post(() -> FileUtil.refreshFor(layout.dataset().toFile()));
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
            if (quality == null) {
                return List.of();
            }
            Set<FindingKind> kinds = quality.open(image.name());
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
            return overlay && buckets != null ? buckets.of(image.name()) : null;
        }
    }
}
