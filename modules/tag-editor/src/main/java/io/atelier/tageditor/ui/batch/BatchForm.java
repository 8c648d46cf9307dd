package io.atelier.tageditor.ui.batch;

import io.atelier.core.caption.CaptionEdit;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JComboBox;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.util.NbBundle.Messages;

/**
 * The batch edit dialog's form: which images, which edit with its parameters, and the preview of what it changes.
 * It only collects input and shows the preview it is given; {@link BatchDialog} computes the preview and applies.
 */
@Messages({
    "LBL_Images=Images:",
    "LBL_Edit=Edit:",
    "LBL_Tag=Tag:",
    "LBL_ReplaceFrom=Replace:",
    "LBL_ReplaceWith=With:",
    "LBL_Find=Find (regex):",
    "LBL_ReplaceBy=Replace with:",
    "LBL_Position=Position:",
    "POS_First=First (after the trigger word)",
    "POS_Last=Last",
    "POS_At=At position",
    "HINT_Regex=A Java regular expression over the caption text \"a, b, c\"; $1 refers to a group. The result is "
        + "split into tags again.",
    "LBL_Preview=Preview:",
    "LBL_Computing=Working out what changes\u2026"
})
final class BatchForm extends JPanel {

    private static final long serialVersionUID = 1L;

    private final Map<BatchScope.Choice, JRadioButton> scopes = new EnumMap<>(BatchScope.Choice.class);
    private final JComboBox<BatchOperation> operation = new JComboBox<>(BatchOperation.values());
    private final JLabel firstLabel = new JLabel();
    private final JTextField first = new JTextField(24);
    private final JLabel secondLabel = new JLabel();
    private final JTextField second = new JTextField(24);
    private final JLabel positionLabel = new JLabel(Bundle.LBL_Position());
    private final JComboBox<String> positionKind = new JComboBox<>(new String[]{Bundle.POS_First(), Bundle.POS_Last(),
        Bundle.POS_At()});
    private final JSpinner positionAt = new JSpinner(new SpinnerNumberModel(2, 1, 999, 1));
    private final JLabel error = new JLabel(" ");
    private final JEditorPane preview = new JEditorPane("text/html", "");
    private final transient BatchScope scope;
    private final transient Runnable changed;

    BatchForm(BatchScope scope, BatchOperation initial, BatchScope.Choice initialScope, String firstValue,
            Runnable changed) {
        super(new GridBagLayout());
        this.scope = scope;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        operation.setName("batchOperation");
        first.setName("batchFirst");
        second.setName("batchSecond");
        preview.setName("batchPreview");
        preview.setEditable(false);
        preview.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        Color red = UIManager.getColor("Actions.Red");
        error.setForeground(red == null ? new Color(0xC0392B) : red);
        error.setName("batchError");

        JPanel scopeRow = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        ButtonGroup group = new ButtonGroup();
        for (BatchScope.Choice c : BatchScope.Choice.values()) {
            JRadioButton b = new JRadioButton(scope.label(c));
            b.setName("batchScope" + c.name());
            b.setEnabled(!scope.images(c).isEmpty());
            b.addActionListener(e -> changed.run());
            group.add(b);
            scopes.put(c, b);
            scopeRow.add(b);
            scopeRow.add(javax.swing.Box.createHorizontalStrut(10));
        }
        BatchScope.Choice start = scope.images(initialScope).isEmpty() ? BatchScope.Choice.ALL : initialScope;
        scopes.get(start).setSelected(true);
        operation.setSelectedItem(initial);
        operation.addActionListener(e -> {
            showParameters();
            changed.run();
        });
        first.setText(firstValue == null ? "" : firstValue);
        listen(first);
        listen(second);
        positionKind.addActionListener(e -> {
            positionAt.setEnabled(positionKind.getSelectedIndex() == 2);
            changed.run();
        });
        positionAt.setEnabled(false);
        positionAt.addChangeListener(e -> changed.run());

        int row = 0;
        row = addRow(row, new JLabel(Bundle.LBL_Images()), scopeRow);
        row = addRow(row, new JLabel(Bundle.LBL_Edit()), operation);
        row = addRow(row, firstLabel, first);
        row = addRow(row, secondLabel, second);
        JPanel position = new JPanel(new BorderLayout(6, 0));
        position.add(positionKind, BorderLayout.CENTER);
        position.add(positionAt, BorderLayout.EAST);
        row = addRow(row, positionLabel, position);
        row = addRow(row, new JLabel(" "), error);
        GridBagConstraints c = constraints(0, row);
        c.anchor = GridBagConstraints.NORTHWEST;
        add(new JLabel(Bundle.LBL_Preview()), c);
        c = constraints(1, row);
        c.fill = GridBagConstraints.BOTH;
        c.weighty = 1;
        JScrollPane scroll = new JScrollPane(preview);
        scroll.setPreferredSize(new Dimension(560, 260));
        add(scroll, c);
        firstLabel.setLabelFor(first);
        secondLabel.setLabelFor(second);
        showParameters();
    }

    private int addRow(int row, JLabel label, java.awt.Component field) {
        GridBagConstraints c = constraints(0, row);
        add(label, c);
        c = constraints(1, row);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(field, c);
        return row + 1;
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, x == 0 ? 0 : 8, 3, 0);
        return c;
    }

    private void listen(JTextField f) {
        f.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed.run();
            }
        });
    }

    /** Labels and fields for the chosen operation; the others are hidden. */
    private void showParameters() {
        BatchOperation op = operation();
        boolean regex = op == BatchOperation.REGEX;
        firstLabel.setText(regex ? Bundle.LBL_Find() : op == BatchOperation.REPLACE ? Bundle.LBL_ReplaceFrom()
                : Bundle.LBL_Tag());
        secondLabel.setText(regex ? Bundle.LBL_ReplaceBy() : Bundle.LBL_ReplaceWith());
        first.setToolTipText(regex ? Bundle.HINT_Regex() : null);
        firstLabel.setVisible(op.needsFirst());
        first.setVisible(op.needsFirst());
        secondLabel.setVisible(op.needsSecond());
        second.setVisible(op.needsSecond());
        positionLabel.setVisible(op.needsPosition());
        positionKind.getParent().setVisible(op.needsPosition());
        revalidate();
        repaint();
    }

    BatchOperation operation() {
        return (BatchOperation) operation.getSelectedItem();
    }

    BatchScope.Choice scopeChoice() {
        for (Map.Entry<BatchScope.Choice, JRadioButton> e : scopes.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return BatchScope.Choice.ALL;
    }

    List<Path> images() {
        return scope.images(scopeChoice());
    }

    /** The edit the form describes; throws with the reason when it is incomplete or invalid. */
    CaptionEdit edit(String trigger) {
        int position = switch (positionKind.getSelectedIndex()) {
            case 0 -> 0;
            case 1 -> -1;
            default -> (Integer) positionAt.getValue() - 1;
        };
        return operation().edit(new BatchOperation.Parameters(first.getText(), second.getText(), position), trigger);
    }

    void showError(String message) {
        error.setText(message == null ? " " : message);
    }

    void showPreview(String html) {
        preview.setText(html);
        preview.setCaretPosition(0);
    }

    void showComputing() {
        showPreview("<html><body style='font-family:sans-serif'>" + Bundle.LBL_Computing() + "</body></html>");
    }
}
