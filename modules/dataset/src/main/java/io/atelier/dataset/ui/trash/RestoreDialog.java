package io.atelier.dataset.ui.trash;

import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectTrash;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/** Restore from Trash: everything in the project's {@code .trash/}, newest first; the chosen entries come back. */
@Messages({
    "# {0} - project name",
    "TITLE_Restore=Restore from Trash \u2014 {0}",
    "LBL_RestoreHint=Choose what to put back (Ctrl or Shift to choose several). Captions come back with their images.",
    "BTN_Restore=Restore",
    "MSG_TrashEmpty=The trash of this project is empty.",
    "# {0} - reason",
    "ERR_ListTrash=Cannot read the trash: {0}",
    "LBL_WithCaption=with caption",
    "# {0} - file", "# {1} - original folder", "# {2} - time",
    "LBL_Entry={0}   from {1}   {2}"
})
public final class RestoreDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private RestoreDialog() {
    }

    /** Reads the trash in the background, then asks; {@code restored} gets the files put back, on the EDT. */
    public static void show(RequestProcessor rp, ProjectLayout layout, String projectName, Consumer<List<Path>> restored) {
        rp.post(() -> {
            List<Restorable> entries;
            try {
                entries = Restorable.of(new ProjectTrash(layout).list());
            } catch (java.io.IOException e) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                        Bundle.ERR_ListTrash(e.getMessage()), NotifyDescriptor.WARNING_MESSAGE));
                return;
            }
            List<Restorable> all = entries;
            javax.swing.SwingUtilities.invokeLater(() -> ask(rp, layout, projectName, all, restored));
        });
    }

    private static void ask(RequestProcessor rp, ProjectLayout layout, String projectName, List<Restorable> entries,
            Consumer<List<Path>> restored) {
        if (entries.isEmpty()) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_TrashEmpty()));
            return;
        }
        JList<Restorable> list = new JList<>(entries.toArray(Restorable[]::new));
        list.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        list.setSelectedIndex(0);
        list.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                    boolean focus) {
                super.getListCellRendererComponent(l, value, index, selected, focus);
                Restorable r = (Restorable) value;
                Path from = layout.root().relativize(r.file().originalLocation().getParent());
                String name = r.file().originalLocation().getFileName().toString()
                        + (r.withCaption() ? " (" + Bundle.LBL_WithCaption() + ")" : "");
                setText(Bundle.LBL_Entry(name, from.toString().isEmpty() ? "." : from + "/",
                        TIME.format(r.file().trashedAt())));
                return this;
            }
        });
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(Bundle.LBL_RestoreHint()), BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(560, 300));
        panel.add(scroll, BorderLayout.CENTER);
        panel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        JButton restore = new JButton(Bundle.BTN_Restore());
        list.addListSelectionListener(e -> restore.setEnabled(!list.isSelectionEmpty()));
        DialogDescriptor d = new DialogDescriptor(panel, Bundle.TITLE_Restore(projectName), true,
                new Object[]{restore, DialogDescriptor.CANCEL_OPTION}, restore, DialogDescriptor.DEFAULT_ALIGN, null,
                null);
        if (DialogDisplayer.getDefault().notify(d) == restore) {
            Trashing.restore(rp, layout, list.getSelectedValuesList(), restored);
        }
    }
}
