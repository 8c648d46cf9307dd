package io.atelier.gallery.inspect;

import io.atelier.core.lora.inspect.LoraInspector;
import io.atelier.core.lora.inspect.LoraReport;
import io.atelier.core.lora.inspect.LoraReportText;
import io.atelier.core.lora.inspect.TrainedTag;
import java.awt.BorderLayout;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/**
 * One LoRA file's report: the summary (kind, base model and the evidence for it, dim/alpha, modules, training
 * parameters, dataset, problems), every metadata key, and the trained tags with their counts. Read off the event
 * thread; a file that cannot be read says why in the summary.
 */
public final class LoraInspectorTopComponent extends TopComponent {

    private static final Logger LOG = Logger.getLogger(LoraInspectorTopComponent.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("LoRA inspector", 1);

    private final Path file;
    private final JTextArea summary = new JTextArea();
    private final DefaultTableModel metadata = table("Group", "Key", "Value");
    private final DefaultTableModel tags = table("Tag", "Images");

    private LoraInspectorTopComponent(Path file) {
        this.file = file;
        setName("LoRA: " + file.getFileName());
        setToolTipText(file.toString());
        setLayout(new BorderLayout());
        summary.setEditable(false);
        summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, summary.getFont().getSize()));
        summary.setName("loraSummary");
        summary.setText("Reading " + file + "\u2026");
        JTabbedPane tabs = new JTabbedPane();
        tabs.addTab("Summary", new JScrollPane(summary));
        JTable metadataTable = new JTable(metadata);
        metadataTable.setName("loraMetadata");
        metadataTable.setAutoCreateRowSorter(true);
        tabs.addTab("Metadata", new JScrollPane(metadataTable));
        JTable tagTable = new JTable(tags);
        tagTable.setName("loraTags");
        tagTable.setAutoCreateRowSorter(true);
        tabs.addTab("Trained tags", new JScrollPane(tagTable));
        add(tabs, BorderLayout.CENTER);
    }

    /** Opens the inspector for {@code file} (or brings its open one forward). */
    public static LoraInspectorTopComponent open(Path file) {
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            if (tc instanceof LoraInspectorTopComponent l && l.file.equals(file)) {
                l.requestActive();
                return l;
            }
        }
        LoraInspectorTopComponent tc = new LoraInspectorTopComponent(file);
        tc.open();
        tc.requestActive();
        RP.post(tc::load);
        return tc;
    }

    private void load() {
        try {
            LoraReport report = LoraInspector.inspect(file);
            String text = new LoraReportText(report).render();
            List<Object[]> meta = new ArrayList<>();
            addGroup(meta, "ss_*", report.metadata().ss());
            addGroup(meta, "modelspec.*", report.metadata().modelspec());
            addGroup(meta, "hashes", report.metadata().hashes());
            addGroup(meta, "other", report.metadata().other());
            SwingUtilities.invokeLater(() -> {
                summary.setText(text);
                summary.setCaretPosition(0);
                meta.forEach(metadata::addRow);
                for (TrainedTag t : report.tags()) {
                    tags.addRow(new Object[]{t.tag(), t.count()});
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Cannot inspect " + file, e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            SwingUtilities.invokeLater(() -> summary.setText(file + " cannot be inspected:\n" + message));
        }
    }

    private static void addGroup(List<Object[]> rows, String group, Map<String, String> values) {
        values.forEach((k, v) -> rows.add(new Object[]{group, k, v}));
    }

    private static DefaultTableModel table(String... columns) {
        return new DefaultTableModel(columns, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }

            @Override
            public Class<?> getColumnClass(int column) {
                return getColumnName(column).equals("Images") ? Long.class : String.class;
            }
        };
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    /** The summary as shown (for the GUI test). */
    String summaryText() {
        return summary.getText();
    }
}
