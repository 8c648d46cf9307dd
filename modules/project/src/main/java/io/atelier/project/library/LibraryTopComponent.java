package io.atelier.project.library;

import io.atelier.core.project.FolderCheck;
import io.atelier.core.project.LoraKind;
import io.atelier.project.store.StoreService;
import io.atelier.project.wizard.ProjectOpener;
import io.atelier.store.RegisteredProject;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Desktop;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.ChangeListener;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import org.netbeans.api.progress.ProgressHandle;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The LoRA Library: every project in the store in one sortable, filterable table, with the projects whose
 * folder is gone shown as "Missing" rather than as errors.
 */
@ConvertAsProperties(dtd = "-//io.atelier.project.library//Library//EN", autostore = false)
@TopComponent.Description(preferredID = LibraryTopComponent.ID,
        iconBase = "io/atelier/project/resources/project.png",
        persistenceType = TopComponent.PERSISTENCE_ONLY_OPENED)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 10)
@ActionID(category = "Window", id = "io.atelier.project.library.LibraryTopComponent")
@ActionReference(path = "Menu/Window", position = 10)
@TopComponent.OpenActionRegistration(displayName = "#CTL_LibraryAction", preferredID = LibraryTopComponent.ID)
@Messages({
    "CTL_LibraryAction=LoRA &Library",
    "CTL_LibraryTopComponent=LoRA Library",
    "HINT_LibraryTopComponent=Every LoRA project in the store",
    "LBL_Filter=Filter:",
    "HINT_Filter=name, trigger word or folder",
    "LBL_AllKinds=All kinds",
    "BTN_Open=Open",
    "BTN_Reveal=Reveal",
    "BTN_Remove=Remove from Library",
    "BTN_Refresh=Refresh",
    "PROGRESS_Loading=Loading the LoRA Library",
    "# {0} - shown rows",
    "# {1} - all rows",
    "# {2} - missing rows",
    "LBL_Count={0} of {1} projects, {2} missing",
    "# {0} - reason",
    "LBL_StoreError=The library is unavailable: {0}",
    "# {0} - number of projects",
    "# {1} - their names and folders",
    "MSG_ConfirmRemove=Remove {0,choice,1#this project|1<these {0} projects} from the library?\n{1}\nTheir folders and files stay as they are.",
    "# {0} - reason",
    "ERR_Reveal=Cannot show the folder: {0}",
    "# {0} - reason",
    "ERR_Remove=Cannot remove the project from the library: {0}",
    "# {0} - reason",
    "ERR_Open=Cannot open the project: {0}"
})
public final class LibraryTopComponent extends TopComponent {

    public static final String ID = "LibraryTopComponent";
    private static final RequestProcessor RP = new RequestProcessor("LoRA Library", 1, true);

    private final LibraryTableModel model = new LibraryTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<LibraryTableModel> sorter = new TableRowSorter<>(model);
    private final JTextField filter = new JTextField(18);
    private final JComboBox<Object> kindFilter = new JComboBox<>();
    private final JLabel count = new JLabel(" ");
    private final ChangeListener libraryListener = e -> refresh();
    private final RequestProcessor.Task reloadTask = RP.create(this::reload);

    public LibraryTopComponent() {
        setName(Bundle.CTL_LibraryTopComponent());
        setToolTipText(Bundle.HINT_LibraryTopComponent());
        setLayout(new BorderLayout());
        add(toolbar(), BorderLayout.NORTH);
        table.setRowSorter(sorter);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setDefaultRenderer(Object.class, new EntryRenderer());
        table.setDefaultRenderer(Integer.class, new EntryRenderer());
        // every column keeps a readable width; the folder takes what is left
        int[] widths = {160, 80, 75, 95, 65, 80, 50, 65, 85, 300, 65};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
            if (i != LibraryTableModel.FOLDER) {
                table.getColumnModel().getColumn(i).setMinWidth(i == LibraryTableModel.NAME ? 140 : widths[i]);
            }
        }
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    openSelected();
                }
            }
        });
        add(new JScrollPane(table), BorderLayout.CENTER);
        count.setBorder(BorderFactory.createEmptyBorder(3, 6, 3, 6));
        add(count, BorderLayout.SOUTH);
    }

    private JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(new JLabel(Bundle.LBL_Filter() + " "));
        filter.putClientProperty("JTextField.placeholderText", Bundle.HINT_Filter());
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.setMaximumSize(filter.getPreferredSize());
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        bar.add(filter);
        bar.addSeparator();
        kindFilter.addItem(Bundle.LBL_AllKinds());
        for (LoraKind k : LoraKind.values()) {
            kindFilter.addItem(k);
        }
        kindFilter.setMaximumSize(kindFilter.getPreferredSize());
        kindFilter.addActionListener(e -> applyFilter());
        bar.add(kindFilter);
        bar.addSeparator();
        bar.add(button(Bundle.BTN_Open(), this::openSelected));
        bar.add(button(Bundle.BTN_Reveal(), this::revealSelected));
        bar.add(button(Bundle.BTN_Remove(), this::removeSelected));
        bar.addSeparator();
        bar.add(button(Bundle.BTN_Refresh(), this::refresh));
        return bar;
    }

    private static JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.addActionListener(e -> action.run());
        return b;
    }

    private void applyFilter() {
        String text = filter.getText().strip().toLowerCase(Locale.ROOT);
        Object kind = kindFilter.getSelectedItem();
        sorter.setRowFilter(new RowFilter<>() {
            @Override
            public boolean include(Entry<? extends LibraryTableModel, ? extends Integer> row) {
                LibraryEntry e = row.getModel().entryAt(row.getIdentifier());
                boolean kindOk = !(kind instanceof LoraKind k) || e.project().kind() == k;
                boolean textOk = text.isEmpty()
                        || e.project().name().toLowerCase(Locale.ROOT).contains(text)
                        || e.project().triggerWord().toLowerCase(Locale.ROOT).contains(text)
                        || e.registered().folder().toString().toLowerCase(Locale.ROOT).contains(text);
                return kindOk && textOk;
            }
        });
        updateCount();
    }

    private void updateCount() {
        long missing = model.entries().stream().filter(e -> !e.ok()).count();
        count.setText(Bundle.LBL_Count(table.getRowCount(), model.getRowCount(), missing));
    }

    /** Reloads the library from the store and re-checks every folder, in the background; bursts coalesce. */
    public void refresh() {
        reloadTask.schedule(100);
    }

    private void reload() {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.PROGRESS_Loading(), () -> {
            cancelled.set(true);
            return true;
        });
        progress.start();
        try {
            List<RegisteredProject> registered = StoreService.store().projects().list();
            Map<Path, String> best = BestEpochs.byProject(StoreService.store().runs().list(),
                    StoreService.store().gallery().picks());
            progress.switchToDeterminate(registered.size());
            List<LibraryEntry> entries = new ArrayList<>(registered.size());
            for (RegisteredProject r : registered) {
                if (cancelled.get()) {
                    return;
                }
                entries.add(LibraryEntry.of(r, best.get(BestEpochs.key(r.folder()))));
                progress.progress(entries.size());
            }
            SwingUtilities.invokeLater(() -> {
                model.setEntries(entries);
                updateCount();
            });
        } catch (StoreException | StoreAccessException e) {
            SwingUtilities.invokeLater(() -> count.setText(Bundle.LBL_StoreError(e.getMessage())));
        } finally {
            progress.finish();
        }
    }

    private List<LibraryEntry> selected() {
        List<LibraryEntry> result = new ArrayList<>();
        for (int viewRow : table.getSelectedRows()) {
            result.add(model.entryAt(table.convertRowIndexToModel(viewRow)));
        }
        return result;
    }

    private void openSelected() {
        List<LibraryEntry> chosen = selected().stream().filter(e -> e.check().state() != FolderCheck.State.MISSING).toList();
        RP.post(() -> {
            for (LibraryEntry e : chosen) {
                try {
                    ProjectOpener.open(e.registered().folder());
                } catch (IOException ex) {
                    DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                            Bundle.ERR_Open(ex.getMessage()), NotifyDescriptor.WARNING_MESSAGE));
                }
            }
        });
    }

    /** Shows the folders in the file manager; missing ones are skipped, and one message covers any failure. */
    private void revealSelected() {
        List<String> problems = new ArrayList<>();
        for (LibraryEntry e : selected()) {
            if (e.check().state() == FolderCheck.State.MISSING) {
                problems.add(e.check().problem());
                continue;
            }
            try {
                if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    throw new IOException("this desktop has no file manager to show " + e.registered().folder());
                }
                Desktop.getDesktop().open(e.registered().folder().toFile());
            } catch (IOException | IllegalArgumentException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(
                    Bundle.ERR_Reveal(String.join("\n", problems)), NotifyDescriptor.WARNING_MESSAGE));
        }
    }

    /** One confirmation for the whole selection; the folders are never touched. */
    private void removeSelected() {
        List<LibraryEntry> chosen = selected();
        if (chosen.isEmpty()) {
            return;
        }
        String names = chosen.stream().map(e -> "\u2022 " + e.project().name() + "  (" + e.registered().folder() + ")")
                .collect(java.util.stream.Collectors.joining("\n"));
        NotifyDescriptor confirm = new NotifyDescriptor.Confirmation(Bundle.MSG_ConfirmRemove(chosen.size(), names),
                NotifyDescriptor.OK_CANCEL_OPTION);
        if (DialogDisplayer.getDefault().notify(confirm) != NotifyDescriptor.OK_OPTION) {
            return;
        }
        RP.post(() -> {
            try {
                for (LibraryEntry e : chosen) {
                    StoreService.store().projects().remove(e.project().id());
                }
            } catch (StoreException | StoreAccessException ex) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                        Bundle.ERR_Remove(ex.getMessage()), NotifyDescriptor.WARNING_MESSAGE));
            } finally {
                StoreService.libraryChanged();
            }
        });
    }

    @Override
    protected void componentOpened() {
        StoreService.addLibraryListener(libraryListener);
        // at start-up, opening the store waits until the window is up instead of competing with it for the CPU
        WindowManager.getDefault().invokeWhenUIReady(this::refresh);
    }

    @Override
    protected void componentClosed() {
        StoreService.removeLibraryListener(libraryListener);
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(java.util.Properties p) {
        // nothing to restore beyond the window itself
    }

    /** Greys out and italicises rows whose folder is missing or unreadable, with the reason as tooltip. */
    private final class EntryRenderer extends DefaultTableCellRenderer {

        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            LibraryEntry e = model.entryAt(t.convertRowIndexToModel(row));
            setHorizontalAlignment(value instanceof Integer ? RIGHT : LEFT);
            setToolTipText(e.check().problem());
            if (!e.ok()) {
                c.setFont(c.getFont().deriveFont(Font.ITALIC));
                if (!selected) {
                    c.setForeground(column == LibraryTableModel.STATUS
                            ? UIManager.getColor("Component.error.focusedBorderColor")
                            : UIManager.getColor("Label.disabledForeground"));
                }
            } else if (!selected) {
                c.setForeground(t.getForeground());
            }
            if (column == LibraryTableModel.FOLDER && value != null) {
                setText(tail(value.toString(), t.getColumnModel().getColumn(column).getWidth() - 8));
            }
            return c;
        }

        /** The end of a path that fits the width: the project folder's own name matters more than its parents. */
        private String tail(String path, int width) {
            java.awt.FontMetrics fm = getFontMetrics(getFont());
            if (fm.stringWidth(path) <= width) {
                return path;
            }
            String tail = path;
            while (tail.length() > 1 && fm.stringWidth("\u2026" + tail) > width) {
                tail = tail.substring(1);
            }
            return "\u2026" + tail;
        }
    }
}
