package io.atelier.gallery.compare;

import io.atelier.core.compare.RunLabel;
import io.atelier.project.api.AppStore;
import io.atelier.runner.RunException;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableCellRenderer;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbPreferences;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * Two or more runs compared, of one project or several: the parameters that differ and how each run ended, the
 * losses overlaid, the sample grids side by side; exports as a contact sheet, CSV or JSON. The runs are read from the
 * store on a background thread when the window opens; nothing on the event thread touches the store or the disk.
 */
@TopComponent.Description(preferredID = "CompareTopComponent",
        iconBase = "io/atelier/gallery/compare/compare.png", persistenceType = TopComponent.PERSISTENCE_NEVER)
public final class CompareTopComponent extends TopComponent {

    private static final Logger LOG = Logger.getLogger(CompareTopComponent.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Compare runs", 1);
    private static final String LAST_FOLDER = "compare.exportFolder";

    private final List<UUID> ids;
    private final DiffTableModel diff = new DiffTableModel();
    private final JTable diffTable = new JTable(diff);
    private final CompareChartPanel chart = new CompareChartPanel();
    private final SampleGridsPanel samples = new SampleGridsPanel();
    private final JButton sheet = new JButton("Contact sheet\u2026");
    private final JButton csv = new JButton("CSV\u2026");
    private final JButton json = new JButton("JSON\u2026");
    private final JLabel status = new JLabel("Loading\u2026");
    private volatile ComparisonLoader.Loaded loaded;

    private CompareTopComponent(List<UUID> ids) {
        this.ids = List.copyOf(ids);
        setName("Compare " + ids.size() + " runs");
        setToolTipText("Compare " + ids.stream().map(RunLabel::shortId).collect(Collectors.joining(", ")));
        setLayout(new BorderLayout());

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        sheet.setName("compareContactSheet");
        csv.setName("compareCsv");
        json.setName("compareJson");
        sheet.setToolTipText("One PNG with every run's sample grid, the picked epochs starred");
        sheet.addActionListener(e -> export("Contact sheet", "png", (l, p) -> ComparisonExport.contactSheet(l.runs(),
                p)));
        csv.addActionListener(e -> export("CSV", "csv", (l, p) -> ComparisonExport.csv(l.comparison(), p)));
        json.addActionListener(e -> export("JSON", "json", (l, p) -> ComparisonExport.json(l.comparison(), p)));
        bar.add(new JLabel("Export:"));
        bar.add(sheet);
        bar.add(csv);
        bar.add(json);
        status.setName("compareStatus");
        bar.add(status);
        add(bar, BorderLayout.NORTH);

        diffTable.setName("compareDiff");
        diffTable.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        diffTable.setFillsViewportHeight(true);
        diffTable.setDefaultRenderer(Object.class, new DiffRenderer());
        JTabbedPane tabs = new JTabbedPane();
        tabs.setName("compareTabs");
        tabs.addTab("Parameters", new JScrollPane(diffTable));
        tabs.addTab("Loss", chart);
        tabs.addTab("Samples", samples);
        add(tabs, BorderLayout.CENTER);
        setExportsEnabled(false);
    }

    /** Opens a new Compare window for the runs (event thread); they are read in the background. */
    public static CompareTopComponent open(List<UUID> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare at least two runs, not " + runs.size());
        }
        CompareTopComponent tc = new CompareTopComponent(runs);
        tc.open();
        tc.requestActive();
        tc.load();
        return tc;
    }

    private void load() {
        RP.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle("Reading " + ids.size() + " runs to compare");
            progress.start();
            try {
                ComparisonLoader.Loaded l = ComparisonLoader.load(AppStore.store(), ids);
                SwingUtilities.invokeLater(() -> show(l));
            } catch (RunException | StoreException | StoreAccessException e) {
                LOG.log(Level.INFO, "Cannot compare runs " + ids, e);
                SwingUtilities.invokeLater(() -> failed("Cannot compare these runs: " + e.getMessage()));
            } finally {
                progress.finish();
            }
        });
    }

    private void show(ComparisonLoader.Loaded l) {
        loaded = l;
        setName("Compare: " + l.runs().stream().map(r -> RunLabel.shortId(r.run().id()))
                .collect(Collectors.joining(" \u2194 ")));
        diff.show(l.comparison());
        for (int i = 0; i < diffTable.getColumnCount(); i++) {
            diffTable.getColumnModel().getColumn(i).setPreferredWidth(i == 0 ? 240 : 260);
        }
        chart.show(l.runs());
        samples.show(l.runs());
        status.setForeground(UIManager.getColor("Label.foreground"));
        status.setText(l.runs().size() + " runs, " + diff.differences() + " parameter"
                + (diff.differences() == 1 ? "" : "s") + " differ");
        setExportsEnabled(true);
    }

    private void failed(String message) {
        status.setForeground(new Color(0xB0, 0x00, 0x20));
        status.setText(message);
    }

    private void setExportsEnabled(boolean enabled) {
        sheet.setEnabled(enabled);
        csv.setEnabled(enabled);
        json.setEnabled(enabled);
    }

    private interface Writer {
        void write(ComparisonLoader.Loaded loaded, Path target) throws IOException;
    }

    /** Asks where (event thread), writes in the background, says where it went or why it could not. */
    private void export(String what, String extension, Writer writer) {
        ComparisonLoader.Loaded l = loaded;
        if (l == null) {
            return;
        }
        String folder = NbPreferences.forModule(CompareTopComponent.class).get(LAST_FOLDER,
                System.getProperty("user.home"));
        JFileChooser chooser = new JFileChooser(folder);
        chooser.setDialogTitle("Export the comparison as " + what);
        chooser.setFileFilter(new FileNameExtensionFilter(what + " (*." + extension + ")", extension));
        chooser.setSelectedFile(new File(folder, "compare-" + l.runs().stream().map(r -> RunLabel.shortId(r.run()
                .id())).collect(Collectors.joining("-")) + "." + extension));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = ComparisonExport.withExtension(chooser.getSelectedFile().toPath(), extension);
        NbPreferences.forModule(CompareTopComponent.class).put(LAST_FOLDER, String.valueOf(target.getParent()));
        RP.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle("Writing " + target.getFileName());
            progress.start();
            try {
                writer.write(l, target);
                StatusDisplayer.getDefault().setStatusText("Wrote " + target);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, "Cannot write " + target, e);
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("Cannot write " + target
                        + ": " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            } finally {
                progress.finish();
            }
        });
    }

    /** The runs compared, in order. */
    public List<UUID> runs() {
        return ids;
    }

    /** The chart's series names (for the GUI check). */
    public List<String> chartSeries() {
        return chart.seriesKeys();
    }

    /** Parameter names in bold, the results heading greyed. */
    private final class DiffRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            int model = t.convertRowIndexToModel(row);
            boolean heading = diff.heading(model);
            c.setFont(c.getFont().deriveFont(column == 0 || heading ? Font.BOLD : Font.PLAIN));
            if (!selected) {
                c.setForeground(heading ? Color.GRAY : t.getForeground());
            }
            setToolTipText(value == null || value.toString().isEmpty() ? null : value.toString());
            setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 4));
            return c;
        }
    }
}
