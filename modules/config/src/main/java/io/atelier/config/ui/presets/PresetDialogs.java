package io.atelier.config.ui.presets;

import io.atelier.config.ui.ConfigTopComponent;
import io.atelier.core.params.BuiltInPresets;
import io.atelier.core.params.TrainingConfig;
import io.atelier.project.api.AppStore;
import io.atelier.store.PresetRepository;
import io.atelier.store.PresetSummary;
import io.atelier.store.PresetVersion;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.util.RequestProcessor;

/** The preset bar's dialogs: save a version, load a preset, a preset's history with diffs. Store work off the EDT. */
public final class PresetDialogs {

    private static final RequestProcessor STORE = new RequestProcessor("Config presets", 1);

    private PresetDialogs() {
    }

    /** "Save as preset version…": name and note; the saved "name vN" becomes the project's preset. */
    public static void save(ConfigTopComponent window) {
        JTextField name = new JTextField(24);
        name.setName("presetName");
        String current = window.preset();
        if (current != null && current.matches(".+ v\\d+")) {
            name.setText(current.replaceFirst(" v\\d+$", ""));
        }
        JTextField note = new JTextField(24);
        note.setName("presetNote");
        JPanel form = new JPanel(new GridLayout(2, 2, 6, 6));
        form.add(new JLabel("Preset name:"));
        form.add(name);
        form.add(new JLabel("Note:"));
        form.add(note);
        DialogDescriptor d = new DialogDescriptor(form, "Save as Preset Version");
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) {
            return;
        }
        TrainingConfig config = window.model().config();
        String n = name.getText().strip();
        String text = note.getText().strip();
        STORE.post(() -> {
            try {
                PresetVersion v = AppStore.store().presets().save(n, config, text.isEmpty() ? null : text);
                SwingUtilities.invokeLater(() -> window.savedAs(v));
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> ConfigTopComponent.warn("The preset was not saved: "
                        + e.getMessage()));
            }
        });
    }

    /** "Load preset…": built-ins and user presets with a version picker; replaces every value. */
    public static void load(ConfigTopComponent window) {
        STORE.post(() -> {
            List<PresetSummary> user;
            try {
                user = AppStore.store().presets().list();
            } catch (Exception e) {
                user = List.of();
            }
            List<PresetSummary> users = user;
            SwingUtilities.invokeLater(() -> showLoad(window, users));
        });
    }

    private static void showLoad(ConfigTopComponent window, List<PresetSummary> user) {
        List<String> names = new ArrayList<>();
        BuiltInPresets.all().forEach(e -> names.add(e.getKey()));
        user.forEach(s -> names.add(s.name()));
        JComboBox<String> preset = new JComboBox<>(names.toArray(String[]::new));
        JComboBox<Integer> version = new JComboBox<>();
        Runnable versions = () -> {
            version.removeAllItems();
            user.stream().filter(s -> s.name().equals(preset.getSelectedItem())).findFirst().ifPresent(s -> {
                for (int v = s.latestVersion(); v >= 1; v--) {
                    version.addItem(v);
                }
            });
            version.setEnabled(version.getItemCount() > 0);
        };
        preset.addActionListener(e -> versions.run());
        versions.run();
        JPanel form = new JPanel(new GridLayout(2, 2, 6, 6));
        form.add(new JLabel("Preset:"));
        form.add(preset);
        form.add(new JLabel("Version:"));
        form.add(version);
        DialogDescriptor d = new DialogDescriptor(form, "Load Preset");
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) {
            return;
        }
        String chosen = (String) preset.getSelectedItem();
        for (Map.Entry<String, TrainingConfig> e : BuiltInPresets.all()) {
            if (e.getKey().equals(chosen)) {
                window.replace(e.getValue(), chosen, e.getValue());
                return;
            }
        }
        Integer v = (Integer) version.getSelectedItem();
        STORE.post(() -> {
            try {
                PresetVersion pv = AppStore.store().presets().version(chosen, v);
                SwingUtilities.invokeLater(() -> window.replace(pv.config(), pv.preset() + " v" + pv.version(),
                        pv.config()));
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> ConfigTopComponent.warn(e.getMessage()));
            }
        });
    }

    /** "History…": the versions of the chosen preset; two selected rows (or one and "current") show their diff. */
    public static void history(ConfigTopComponent window) {
        STORE.post(() -> {
            List<PresetSummary> user;
            try {
                user = AppStore.store().presets().list();
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> ConfigTopComponent.warn(e.getMessage()));
                return;
            }
            if (user.isEmpty()) {
                SwingUtilities.invokeLater(() -> ConfigTopComponent.warn("There are no saved presets yet."));
                return;
            }
            String current = window.preset();
            String start = user.stream().map(PresetSummary::name)
                    .filter(n -> current != null && current.startsWith(n + " v")).findFirst()
                    .orElse(user.get(0).name());
            List<String> names = user.stream().map(PresetSummary::name).toList();
            SwingUtilities.invokeLater(() -> showHistory(window, names, start));
        });
    }

    private static void showHistory(ConfigTopComponent window, List<String> names, String start) {
        VersionTableModel versions = new VersionTableModel();
        DiffTableModel diff = new DiffTableModel();
        JTable versionTable = new JTable(versions);
        JTable diffTable = new JTable(diff);
        JComboBox<String> preset = new JComboBox<>(names.toArray(String[]::new));
        preset.setSelectedItem(start);
        Runnable read = () -> {
            String n = (String) preset.getSelectedItem();
            STORE.post(() -> {
                try {
                    PresetRepository repo = AppStore.store().presets();
                    List<PresetVersion> all = repo.history(n);
                    SwingUtilities.invokeLater(() -> versions.show(all, window.model().config()));
                } catch (Exception e) {
                    SwingUtilities.invokeLater(() -> ConfigTopComponent.warn(e.getMessage()));
                }
            });
        };
        preset.addActionListener(e -> read.run());
        versionTable.getSelectionModel().addListSelectionListener(e -> {
            int[] rows = versionTable.getSelectedRows();
            if (rows.length == 2) {
                diff.compare(versions.config(rows[0]), versions.config(rows[1]));
            } else if (rows.length == 1) {
                diff.compare(versions.config(rows[0]), window.model().config());
            } else {
                diff.compare(null, null);
            }
        });
        read.run();
        JPanel top = new JPanel(new BorderLayout(6, 6));
        top.add(preset, BorderLayout.NORTH);
        top.add(new JScrollPane(versionTable), BorderLayout.CENTER);
        top.add(new JLabel("Select two versions, or one to compare with the current values."), BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, new JScrollPane(diffTable));
        split.setPreferredSize(new Dimension(640, 460));
        split.setResizeWeight(0.45);
        DialogDisplayer.getDefault().notify(new DialogDescriptor(split, "Preset History", true,
                new Object[]{DialogDescriptor.CLOSED_OPTION}, DialogDescriptor.CLOSED_OPTION,
                DialogDescriptor.DEFAULT_ALIGN, null, null));
    }

    /** The versions of one preset, oldest first, then the window's current values. */
    static final class VersionTableModel extends AbstractTableModel {
        private List<PresetVersion> versions = List.of();
        private TrainingConfig current;

        void show(List<PresetVersion> all, TrainingConfig now) {
            versions = List.copyOf(all);
            current = now;
            fireTableDataChanged();
        }

        TrainingConfig config(int row) {
            return row < versions.size() ? versions.get(row).config() : current;
        }

        @Override
        public int getRowCount() {
            return versions.size() + (current == null ? 0 : 1);
        }

        @Override
        public int getColumnCount() {
            return 3;
        }

        @Override
        public String getColumnName(int column) {
            return new String[]{"Version", "Saved", "Note"}[column];
        }

        @Override
        public Object getValueAt(int row, int column) {
            if (row == versions.size()) {
                return column == 0 ? "current" : "";
            }
            PresetVersion v = versions.get(row);
            return switch (column) {
                case 0 -> "v" + v.version();
                case 1 -> v.created().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
                default -> v.note() == null ? "" : v.note();
            };
        }
    }
}
