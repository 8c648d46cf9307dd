package io.atelier.gallery.grid;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.EpochPick;
import io.atelier.core.gallery.GenerationPlan;
import io.atelier.core.gallery.Rating;
import io.atelier.core.gallery.SampleImage;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.sampling.ImageSampler;
import io.atelier.gallery.AppGallery;
import io.atelier.gallery.GallerySamplers;
import io.atelier.project.api.AppStore;
import io.atelier.runner.RunException;
import io.atelier.runner.gallery.GalleryGenerator;
import io.atelier.runner.gallery.RunGallery;
import io.atelier.store.Store;
import io.atelier.store.StoreException;
import io.atelier.store.StoredRun;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.openide.NotifyDescriptor;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * The epoch gallery of one run: the epoch × prompt grid (or × LoRA strength of one prompt) on one base model, the
 * best epoch, ratings and notes, images generated on demand, and the exports. Opened for a project (its newest run with
 * samples); the chooser at the top switches to its other runs. Everything from the store is read on "Gallery loading".
 */
@TopComponent.Description(preferredID = GalleryTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_NEVER)
public final class GalleryTopComponent extends TopComponent {

    public static final String ID = "GalleryTopComponent";
    private static final Logger LOG = Logger.getLogger(GalleryTopComponent.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Gallery loading", 1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final String BY_PROMPT = "Prompts";
    private static final String BY_STRENGTH = "LoRA strengths of";

    private final Path projectFolder;
    private final EpochGridView view = new EpochGridView();
    private final JComboBox<StoredRun> runChooser = new JComboBox<>();
    private final JComboBox<String> baseModelChooser = new JComboBox<>();
    private final JComboBox<String> axisChooser = new JComboBox<>(new String[]{BY_PROMPT, BY_STRENGTH});
    private final JComboBox<Integer> promptChooser = new JComboBox<>();
    private final JLabel info = new JLabel(" ");
    private final DefaultListModel<String> failures = new DefaultListModel<>();
    private final JPanel failurePanel = new JPanel(new BorderLayout());
    private final RequestProcessor.Task reload = RP.create(this::read);
    private volatile UUID runId;
    private GalleryLoad load;
    private boolean updating;

    private GalleryTopComponent(Path projectFolder) {
        this.projectFolder = projectFolder;
        setName("Gallery — " + projectFolder.getFileName());
        setToolTipText("Epoch gallery of " + projectFolder);
        setLayout(new BorderLayout());
        add(toolbars(), BorderLayout.NORTH);
        view.setName("galleryGrid");
        JScrollPane scroll = new JScrollPane(view);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        add(scroll, BorderLayout.CENTER);
        add(south(), BorderLayout.SOUTH);
        view.onSelectionChanged(this::selectionChanged);
        view.onOpen(this::openFullView);
        keys();
    }

    /** Opens (or brings forward) the gallery of the project's newest run with samples. */
    public static void openFor(Path projectFolder) {
        RP.post(() -> {
            GalleryLoad l = readOrTell(projectFolder, null);
            if (l == null) {
                return;
            }
            SwingUtilities.invokeLater(() -> {
                UUID shown = l.gallery() == null ? null : l.gallery().run().id();
                GalleryTopComponent tc = TopComponent.getRegistry().getOpened().stream()
                        .filter(GalleryTopComponent.class::isInstance).map(GalleryTopComponent.class::cast)
                        .filter(t -> t.projectFolder.equals(projectFolder) && Objects.equals(t.runId, shown))
                        .findFirst().orElse(null);
                if (tc == null) {
                    tc = new GalleryTopComponent(projectFolder);
                    tc.open();
                }
                tc.apply(l);
                tc.requestActive();
            });
        });
    }

    private JPanel toolbars() {
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        runChooser.setName("galleryRun");
        baseModelChooser.setName("galleryBaseModel");
        axisChooser.setName("galleryAxis");
        promptChooser.setName("galleryPrompt");
        runChooser.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focus) {
                Object text = value instanceof StoredRun r ? WHEN.format(r.created()) + " · " + r.engine() + " · "
                        + r.state() + " · " + r.id().toString().substring(0, 8) : value;
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
        promptChooser.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focus) {
                return super.getListCellRendererComponent(list, value == null ? "" : "prompt #" + value + " "
                        + promptText((Integer) value), index, selected, focus);
            }
        });
        runChooser.addActionListener(e -> {
            if (!updating && runChooser.getSelectedItem() instanceof StoredRun r && !r.id().equals(runId)) {
                runId = r.id();
                reload.schedule(0);
            }
        });
        baseModelChooser.addActionListener(e -> rebuild());
        axisChooser.addActionListener(e -> {
            promptChooser.setEnabled(BY_STRENGTH.equals(axisChooser.getSelectedItem()));
            rebuild();
        });
        promptChooser.addActionListener(e -> rebuild());
        promptChooser.setEnabled(false);
        top.add(new JLabel("Run:"));
        top.add(runChooser);
        top.add(new JLabel("Base model:"));
        top.add(baseModelChooser);
        top.add(new JLabel("Columns:"));
        top.add(axisChooser);
        top.add(promptChooser);

        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        actions.add(button("★ Best epoch (B)", "galleryBest", this::toggleBest));
        actions.add(button("Rate cell… (R)", "galleryRateCell", () -> rate(false)));
        actions.add(button("Rate epoch… (Shift+R)", "galleryRateEpoch", () -> rate(true)));
        actions.add(button("Generate… (G)", "galleryGenerate", this::generate));
        actions.add(button("Export best epoch…", "galleryExportBest", this::exportBest));
        actions.add(button("Export contact sheet…", "galleryContactSheet", this::exportSheet));
        JLabel hint = new JLabel("Arrows move · Enter full view · Space marks for flip-compare (F in the full view)");
        hint.setEnabled(false);
        actions.add(hint);

        JPanel bars = new JPanel(new BorderLayout());
        bars.add(top, BorderLayout.NORTH);
        bars.add(actions, BorderLayout.SOUTH);
        return bars;
    }

    private JPanel south() {
        JPanel south = new JPanel(new BorderLayout());
        info.setName("galleryInfo");
        info.setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 8, 4, 8));
        south.add(info, BorderLayout.NORTH);
        JList<String> list = new JList<>(failures);
        list.setName("galleryFailures");
        list.setVisibleRowCount(4);
        failurePanel.add(new JLabel("  Generation failures:"), BorderLayout.NORTH);
        failurePanel.add(new JScrollPane(list), BorderLayout.CENTER);
        JButton clear = new JButton("Clear");
        clear.addActionListener(e -> {
            failures.clear();
            failurePanel.setVisible(false);
        });
        failurePanel.add(clear, BorderLayout.EAST);
        failurePanel.setVisible(false);
        south.add(failurePanel, BorderLayout.CENTER);
        return south;
    }

    private JButton button(String text, String name, Runnable r) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setFocusable(false); // the grid keeps the keyboard
        b.addActionListener(e -> r.run());
        return b;
    }

    private void keys() {
        key(KeyEvent.VK_LEFT, 0, () -> view.moveSelection(0, -1));
        key(KeyEvent.VK_RIGHT, 0, () -> view.moveSelection(0, 1));
        key(KeyEvent.VK_UP, 0, () -> view.moveSelection(-1, 0));
        key(KeyEvent.VK_DOWN, 0, () -> view.moveSelection(1, 0));
        key(KeyEvent.VK_HOME, 0, () -> view.select(view.selection().row(), 0));
        key(KeyEvent.VK_END, 0, () -> view.select(view.selection().row(), Integer.MAX_VALUE));
        key(KeyEvent.VK_ENTER, 0, this::openFullView);
        key(KeyEvent.VK_SPACE, 0, view::toggleMark);
        key(KeyEvent.VK_B, 0, this::toggleBest);
        key(KeyEvent.VK_R, 0, () -> rate(false));
        key(KeyEvent.VK_R, InputEvent.SHIFT_DOWN_MASK, () -> rate(true));
        key(KeyEvent.VK_G, 0, this::generate);
    }

    private void key(int code, int modifiers, Runnable r) {
        String name = "gallery" + code + "_" + modifiers;
        view.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(code, modifiers), name);
        view.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    @Override
    protected void componentActivated() {
        view.requestFocusInWindow();
    }

    // ---- loading

    private static GalleryLoad readOrTell(Path projectFolder, UUID runId) {
        try {
            return GalleryLoad.read(AppStore.store(), projectFolder, runId);
        } catch (StoreException | RunException | RuntimeException e) {
            LOG.log(Level.INFO, "Gallery of {0} not read: {1}", new Object[]{projectFolder, e.getMessage()});
            GalleryExports.tell("Cannot show the gallery of " + projectFolder + ": " + e.getMessage(),
                    NotifyDescriptor.ERROR_MESSAGE);
            return null;
        }
    }

    private void read() {
        GalleryLoad l = readOrTell(projectFolder, runId);
        if (l != null) {
            SwingUtilities.invokeLater(() -> apply(l));
        }
    }

    private void apply(GalleryLoad l) {
        load = l;
        updating = true;
        try {
            runChooser.setModel(new DefaultComboBoxModel<>(l.runs().toArray(StoredRun[]::new)));
            RunGallery g = l.gallery();
            if (g == null) {
                runId = null;
                view.setContent(GridContent.of(EpochGrid.of(List.of(), List.of(), "", EpochGrid.Axis.PROMPT, 0),
                        null, List.of()));
                info.setText("This project has no training runs yet: train one, then its samples show here.");
                return;
            }
            runId = g.run().id();
            l.runs().stream().filter(r -> r.id().equals(runId)).findFirst().ifPresent(runChooser::setSelectedItem);
            Object model = baseModelChooser.getSelectedItem();
            baseModelChooser.setModel(new DefaultComboBoxModel<>(g.baseModels().toArray(String[]::new)));
            boolean keep = model != null && g.baseModels().contains(model);
            baseModelChooser.setSelectedItem(keep ? model : g.baseModelName());
            Object prompt = promptChooser.getSelectedItem();
            List<Integer> indices = g.samples().stream().map(SampleImage::promptIndex).distinct().sorted().toList();
            promptChooser.setModel(new DefaultComboBoxModel<>(indices.toArray(Integer[]::new)));
            if (prompt != null && indices.contains(prompt)) {
                promptChooser.setSelectedItem(prompt);
            }
        } finally {
            updating = false;
        }
        rebuild();
    }

    private String promptText(Integer index) {
        if (load == null || load.gallery() == null || index == null) {
            return "";
        }
        String text = load.gallery().samples().stream().filter(s -> s.promptIndex() == index)
                .map(SampleImage::prompt).findFirst().orElse("");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Arranges the grid again from what was read (cheap: a few hundred samples). */
    private void rebuild() {
        if (updating || load == null || load.gallery() == null) {
            return;
        }
        RunGallery g = load.gallery();
        String model = (String) baseModelChooser.getSelectedItem();
        boolean strengths = BY_STRENGTH.equals(axisChooser.getSelectedItem());
        Integer prompt = (Integer) promptChooser.getSelectedItem();
        EpochGrid grid = g.grid(model == null ? g.baseModelName() : model,
                strengths ? EpochGrid.Axis.STRENGTH : EpochGrid.Axis.PROMPT, prompt == null ? 0 : prompt);
        view.setContent(GridContent.of(grid, g.pick().map(EpochPick::epoch).orElse(null), load.ratings()));
        setName("Gallery — " + projectFolder.getFileName() + " · " + runId.toString().substring(0, 8));
    }

    private void selectionChanged() {
        GridContent c = view.content();
        if (c == null || view.selection().isEmpty()) {
            info.setText(load == null || load.gallery() == null ? info.getText()
                    : "No samples on this base model yet: Generate… makes them.");
            return;
        }
        int epoch = c.epoch(view.selection().row());
        info.setText(view.selectedImage().map(CellViewer::describe).orElse("<html><b>"
                + GridContent.rowLabel(epoch) + "</b> · " + c.columnTitle(view.selection().column())
                + " · not generated yet</html>"));
    }

    // ---- actions

    private void openFullView() {
        view.selectedImage().ifPresent(s -> {
            CellViewer viewer = new CellViewer(SwingUtilities.getWindowAncestor(this), s,
                    view.markedImage().filter(m -> !m.id().equals(s.id())).orElse(null));
            viewer.setVisible(true);
        });
    }

    private void toggleBest() {
        GridContent c = view.content();
        UUID run = runId;
        if (c == null || run == null || view.selection().isEmpty()) {
            return;
        }
        int epoch = c.epoch(view.selection().row());
        boolean clear = c.bestEpoch() != null && c.bestEpoch() == epoch;
        storeWork(clear ? "clear the best epoch" : "mark the best epoch", s -> {
            if (clear) {
                s.gallery().clearPick(run);
            } else {
                s.gallery().pick(run, epoch, null);
            }
        });
    }

    private void rate(boolean wholeEpoch) {
        GridContent c = view.content();
        UUID run = runId;
        if (c == null || run == null || view.selection().isEmpty()) {
            return;
        }
        int epoch = c.epoch(view.selection().row());
        int promptIndex = wholeEpoch ? Rating.WHOLE_EPOCH : c.column(view.selection().column()).promptIndex();
        String title = wholeEpoch ? "Rate " + GridContent.rowLabel(epoch)
                : "Rate " + GridContent.rowLabel(epoch) + ", prompt #" + promptIndex;
        RatingEditor.edit(title, run, epoch, promptIndex, c.rating(epoch, promptIndex).orElse(null))
                .ifPresent(r -> storeWork("save the rating", s -> s.gallery().rate(r)));
    }

    interface StoreWork {
        void run(Store store) throws Exception;
    }

    /** A store write off the event thread, then a reload. */
    private void storeWork(String what, StoreWork work) {
        RP.post(() -> {
            try {
                work.run(AppStore.store());
            } catch (Exception e) {
                LOG.log(Level.INFO, "Gallery could not {0}: {1}", new Object[]{what, e.getMessage()});
                GalleryExports.tell("Could not " + what + ": " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE);
            }
            read();
        });
    }

    private void exportBest() {
        if (load == null || load.gallery() == null) {
            return;
        }
        RunGallery g = load.gallery();
        if (g.pick().isEmpty()) {
            GalleryExports.tell("Mark the best epoch first: select its row and press B.",
                    NotifyDescriptor.INFORMATION_MESSAGE);
            return;
        }
        GalleryExports.bestEpoch(this, g, g.pick().get().epoch());
    }

    private void exportSheet() {
        GridContent c = view.content();
        if (c == null || load == null || load.gallery() == null) {
            return;
        }
        String title = projectFolder.getFileName() + " · run " + runId.toString().substring(0, 8) + " · "
                + c.grid().baseModel();
        GalleryExports.contactSheet(this, title, c.grid(), c.bestEpoch());
    }

    private void generate() {
        if (load == null || load.gallery() == null) {
            return;
        }
        RunGallery g = load.gallery();
        RP.post(() -> {
            List<BaseModel> models;
            Map<String, EngineSettings> settings = new LinkedHashMap<>();
            List<ImageSampler> samplers = GallerySamplers.all();
            try {
                Store store = AppStore.store();
                models = store.baseModels().list();
                samplers.forEach(s -> settings.put(s.id(), GallerySamplers.settings(store, s.id())));
            } catch (StoreException | RuntimeException e) {
                GalleryExports.tell("Cannot read the base models: " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE);
                return;
            }
            SwingUtilities.invokeLater(() -> GenerateDialog.show(this, g, models,
                    new GenerateDialog.Samplers(samplers, settings)).ifPresent(r -> submit(g, r, settings)));
        });
    }

    private void submit(RunGallery g, GenerateDialog.Request r, Map<String, EngineSettings> settings) {
        RP.post(() -> {
            try {
                Store store = AppStore.store();
                EngineSettings s = settings.getOrDefault(r.sampler().id(), EngineSettings.NONE);
                if (GallerySamplers.COMFYUI.equals(r.sampler().id()) && !r.comfyUrl().isBlank()) {
                    store.settings().put(GallerySamplers.COMFYUI_URL, r.comfyUrl());
                    s = s.with("url", r.comfyUrl());
                }
                List<GenerationPlan.Cell> cells = GenerationPlan.missing(g.choice(r.prompts(), r.epochs(), r.seeds(),
                        r.cfgScales(), r.baseModels(), r.strengths()), store.gallery().samples(g.run().id()));
                if (cells.isEmpty()) {
                    GalleryExports.tell("Every image chosen is already in the gallery.",
                            NotifyDescriptor.INFORMATION_MESSAGE);
                    return;
                }
                RequestProcessor.Task coalesced = RP.create(this::read);
                GenerationProgress progress = new GenerationProgress("Generating " + cells.size() + " gallery image"
                        + (cells.size() == 1 ? "" : "s") + " with " + r.sampler().name(),
                        () -> coalesced.schedule(300), this::failed);
                progress.queued(cells.size());
                GalleryGenerator.Job job = AppGallery.generator().submit(cells, r.sampler(), s, progress);
                progress.attach(job);
                AppGallery.track(job);
                LOG.log(Level.INFO, "Gallery generation of {0} images queued on {1}", new Object[]{cells.size(),
                    r.sampler().id()});
            } catch (StoreException | RuntimeException e) { // an epoch without its LoRA file, the app closing, …
                LOG.log(Level.INFO, "Gallery generation not started: {0}", e.getMessage());
                GalleryExports.tell("Cannot generate: " + e.getMessage(), NotifyDescriptor.WARNING_MESSAGE);
            }
        });
    }

    private void failed(String line) {
        SwingUtilities.invokeLater(() -> {
            failures.addElement(line);
            failurePanel.setVisible(true);
            revalidate();
        });
    }
}
