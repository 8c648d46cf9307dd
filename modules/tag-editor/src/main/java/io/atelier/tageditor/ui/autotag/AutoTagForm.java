package io.atelier.tageditor.ui.autotag;

import io.atelier.tageditor.ui.batch.BatchScope;
import io.atelier.tagger.batch.TagMode;
import io.atelier.tagger.model.TagVocabulary;
import io.atelier.tagger.model.TaggerModel;
import io.atelier.tagger.select.RatingTag;
import io.atelier.tagger.select.TaggerSettings;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.util.NbBundle.Messages;

/**
 * The auto-tag dialog's form: the tagger model folder (with a check of what it holds), the images, what to do with
 * captions that exist, and the tagger's settings. Starts from the settings used last.
 */
@Messages({
    "LBL_ModelFolder=Model folder:",
    "BTN_Browse=Browse\u2026",
    "TITLE_ChooseModel=Choose a Tagger Model Folder",
    "HINT_ModelFolder=A WD14 / WD v3 tagger: a folder with model.onnx and selected_tags.csv (from the model's "
        + "Hugging Face page, e.g. SmilingWolf/wd-eva02-large-tagger-v3)",
    "LBL_ModelMissing=Choose a folder with model.onnx and selected_tags.csv.",
    "# {0} - file", "LBL_ModelLacks=The folder has no {0}.",
    "LBL_ModelOk=Found model.onnx and selected_tags.csv.",
    "HINT_ModelOk=Runs on CUDA when available, else on the CPU; the progress bar shows which, and images per second.",
    "LBL_TagImages=Images:",
    "LBL_Mode=Existing captions:",
    "MODE_Append=Append the model's tags",
    "MODE_Replace=Replace them",
    "MODE_Fill=Only tag images without tags",
    "LBL_General=General threshold:",
    "LBL_Character=Character threshold:",
    "CHK_Mcut=MCut (automatic thresholds)",
    "LBL_MaxTags=At most:",
    "LBL_Tags=tags",
    "LBL_Rating=Rating tag:",
    "RATING_None=none",
    "RATING_First=first",
    "RATING_Last=last",
    "CHK_Underscores=Underscores to spaces (kaomoji kept)",
    "CHK_Escape=Escape parentheses as \\( \\) (A1111 prompts, --weighted_captions)",
    "LBL_Exclude=Never write:",
    "HINT_Exclude=Tags the model must never write, separated by commas (e.g. watermark, signature)"
})
final class AutoTagForm extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JTextField folder = new JTextField(36);
    private final JLabel folderCheck = new JLabel(" ");
    private final Map<BatchScope.Choice, JRadioButton> scopes = new EnumMap<>(BatchScope.Choice.class);
    private final Map<TagMode, JRadioButton> modes = new EnumMap<>(TagMode.class);
    private final JSpinner general = threshold();
    private final JSpinner character = threshold();
    private final JCheckBox mcut = new JCheckBox(Bundle.CHK_Mcut());
    private final JSpinner maxTags = new JSpinner(new SpinnerNumberModel(30, 1, 500, 1));
    private final JComboBox<String> rating = new JComboBox<>(new String[]{Bundle.RATING_None(),
        Bundle.RATING_First(), Bundle.RATING_Last()});
    private final JCheckBox underscores = new JCheckBox(Bundle.CHK_Underscores());
    private final JCheckBox escape = new JCheckBox(Bundle.CHK_Escape());
    private final JTextField exclude = new JTextField(36);
    private final transient BatchScope scope;
    private final transient Runnable changed;

    AutoTagForm(Path modelFolder, BatchScope scope, BatchScope.Choice choice, TaggerSettings s, TagMode mode,
            Runnable changed) {
        super(new GridBagLayout());
        this.scope = scope;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        folder.setName("autoTagModelFolder");
        folder.setToolTipText(Bundle.HINT_ModelFolder());
        folder.setText(modelFolder == null ? "" : modelFolder.toString());
        folder.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                check();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                check();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                check();
            }
        });
        JButton browse = new JButton(Bundle.BTN_Browse());
        browse.addActionListener(e -> browse());
        JPanel folderRow = new JPanel(new BorderLayout(6, 0));
        folderRow.add(folder, BorderLayout.CENTER);
        folderRow.add(browse, BorderLayout.EAST);
        folderCheck.setName("autoTagModelCheck");

        JPanel scopeRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        ButtonGroup scopeGroup = new ButtonGroup();
        for (BatchScope.Choice c : BatchScope.Choice.values()) {
            JRadioButton b = new JRadioButton(scope.label(c));
            b.setEnabled(!scope.images(c).isEmpty());
            scopeGroup.add(b);
            scopes.put(c, b);
            scopeRow.add(b);
            scopeRow.add(javax.swing.Box.createHorizontalStrut(10));
        }
        scopes.get(scope.images(choice).isEmpty() ? BatchScope.Choice.ALL : choice).setSelected(true);

        JPanel modeRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        ButtonGroup modeGroup = new ButtonGroup();
        String[] modeLabels = {Bundle.MODE_Append(), Bundle.MODE_Replace(), Bundle.MODE_Fill()};
        for (TagMode m : TagMode.values()) {
            JRadioButton b = new JRadioButton(modeLabels[m.ordinal()]);
            modeGroup.add(b);
            modes.put(m, b);
            modeRow.add(b);
            modeRow.add(javax.swing.Box.createHorizontalStrut(10));
        }
        modes.get(mode).setSelected(true);

        general.setValue((double) s.generalThreshold());
        character.setValue((double) s.characterThreshold());
        mcut.setSelected(s.mcut());
        mcut.addActionListener(e -> thresholdsEnabled());
        maxTags.setValue(s.maxTags());
        rating.setSelectedIndex(s.rating().ordinal());
        underscores.setSelected(s.underscoresToSpaces());
        escape.setSelected(s.escapeParentheses());
        exclude.setText(String.join(", ", s.excludedTags()));
        exclude.setToolTipText(Bundle.HINT_Exclude());

        JPanel thresholds = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        thresholds.add(general);
        thresholds.add(new JLabel(Bundle.LBL_Character()));
        thresholds.add(character);
        thresholds.add(mcut);
        JPanel limits = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        limits.add(maxTags);
        limits.add(new JLabel(Bundle.LBL_Tags()));
        limits.add(javax.swing.Box.createHorizontalStrut(16));
        limits.add(new JLabel(Bundle.LBL_Rating()));
        limits.add(rating);

        int row = 0;
        row = addRow(row, Bundle.LBL_ModelFolder(), folderRow);
        row = addRow(row, "", folderCheck);
        row = addRow(row, Bundle.LBL_TagImages(), scopeRow);
        row = addRow(row, Bundle.LBL_Mode(), modeRow);
        row = addRow(row, Bundle.LBL_General(), thresholds);
        row = addRow(row, Bundle.LBL_MaxTags(), limits);
        row = addRow(row, "", underscores);
        row = addRow(row, "", escape);
        addRow(row, Bundle.LBL_Exclude(), exclude);
        thresholdsEnabled();
        check();
    }

    private static JSpinner threshold() {
        JSpinner s = new JSpinner(new SpinnerNumberModel(0.3, 0.0, 1.0, 0.05));
        s.setEditor(new JSpinner.NumberEditor(s, "0.00"));
        return s;
    }

    private int addRow(int row, String label, java.awt.Component field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 0, 3, 0);
        add(new JLabel(label), c);
        c = new GridBagConstraints();
        c.gridx = 1;
        c.gridy = row;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(3, 8, 3, 0);
        add(field, c);
        return row + 1;
    }

    private void thresholdsEnabled() {
        general.setEnabled(!mcut.isSelected());
        character.setEnabled(!mcut.isSelected());
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(folder.getText().isBlank() ? null : folder.getText());
        chooser.setDialogTitle(Bundle.TITLE_ChooseModel());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            folder.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    /** Says whether the folder holds a model; a cheap look at two files, fine on the event thread. */
    private void check() {
        String problem = problem();
        Color red = UIManager.getColor("Actions.Red");
        folderCheck.setForeground(problem == null ? UIManager.getColor("Label.foreground")
                : red == null ? new Color(0xC0392B) : red);
        folderCheck.setText(problem == null ? Bundle.LBL_ModelOk() : problem);
        folderCheck.setToolTipText(problem == null ? Bundle.HINT_ModelOk() : null);
        changed.run();
    }

    /** What is wrong with the model folder, or null. */
    String problem() {
        Path dir = modelFolder();
        if (dir == null) {
            return Bundle.LBL_ModelMissing();
        }
        if (!Files.isRegularFile(dir.resolve(TaggerModel.MODEL_FILE))) {
            return Bundle.LBL_ModelLacks(TaggerModel.MODEL_FILE);
        }
        if (!Files.isRegularFile(dir.resolve(TagVocabulary.FILE_NAME))) {
            return Bundle.LBL_ModelLacks(TagVocabulary.FILE_NAME);
        }
        return null;
    }

    Path modelFolder() {
        String s = folder.getText().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Path.of(s).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    List<Path> images() {
        for (Map.Entry<BatchScope.Choice, JRadioButton> e : scopes.entrySet()) {
            if (e.getValue().isSelected()) {
                return scope.images(e.getKey());
            }
        }
        return scope.all();
    }

    TagMode mode() {
        for (Map.Entry<TagMode, JRadioButton> e : modes.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return TagMode.APPEND;
    }

    TaggerSettings settings() {
        return new TaggerSettings(((Number) general.getValue()).floatValue(),
                ((Number) character.getValue()).floatValue(), mcut.isSelected(), (Integer) maxTags.getValue(),
                RatingTag.values()[rating.getSelectedIndex()], underscores.isSelected(), escape.isSelected(),
                AutoTagPreferences.excluded(exclude.getText()));
    }
}
