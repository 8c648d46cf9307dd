package io.atelier.project.wizard;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Path;
import javax.swing.GroupLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.WizardDescriptor;
import org.openide.util.NbBundle.Messages;

/** The fields of the New LoRA Project wizard. Validation lives in {@link NewLoraProjectWizardPanel}. */
@Messages({
    "STEP_NameAndLocation=Name and Location",
    "LBL_Name=Project &name:",
    "LBL_Trigger=&Trigger word:",
    "LBL_Kind=&Kind:",
    "LBL_Family=&Base model:",
    "LBL_Location=Project &location:",
    "LBL_Folder=Project folder:",
    "BTN_Browse=Br&owse...",
    "TIP_Trigger=A unique word that starts every caption, e.g. GLSHS; it links the LoRA to this dataset only.",
    "TITLE_ChooseLocation=Choose the folder to create the project in"
})
final class NewLoraProjectForm extends JPanel {

    final JTextField name = new JTextField(24);
    final JTextField trigger = new JTextField(16);
    final JComboBox<LoraKind> kind = new JComboBox<>(LoraKind.values());
    final JComboBox<BaseModelFamily> family = new JComboBox<>(BaseModelFamily.values());
    final JTextField location = new JTextField(30);
    final JTextField folder = new JTextField(30);
    private final JButton browse = new JButton();

    NewLoraProjectForm(Path defaultLocation, Runnable onChange) {
        setName(Bundle.STEP_NameAndLocation());
        // the standard wizard look: steps on the left, messages (errors, the trigger-word hint) at the bottom
        putClientProperty(WizardDescriptor.PROP_AUTO_WIZARD_STYLE, true);
        putClientProperty(WizardDescriptor.PROP_CONTENT_DISPLAYED, true);
        putClientProperty(WizardDescriptor.PROP_CONTENT_NUMBERED, true);
        putClientProperty(WizardDescriptor.PROP_CONTENT_DATA, new String[]{getName()});
        putClientProperty(WizardDescriptor.PROP_CONTENT_SELECTED_INDEX, 0);
        setBorder(javax.swing.BorderFactory.createEmptyBorder(12, 12, 12, 12));
        folder.setEditable(false);
        location.setText(defaultLocation.toString());
        trigger.setToolTipText(Bundle.TIP_Trigger());
        family.setSelectedItem(BaseModelFamily.SDXL);
        org.openide.awt.Mnemonics.setLocalizedText(browse, Bundle.BTN_Browse());
        browse.addActionListener(this::browse);
        DocumentListener changes = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                onChange.run();
            }
        };
        name.getDocument().addDocumentListener(changes);
        trigger.getDocument().addDocumentListener(changes);
        location.getDocument().addDocumentListener(changes);
        layOut();
    }

    private void layOut() {
        JLabel[] labels = {label(Bundle.LBL_Name(), name), label(Bundle.LBL_Trigger(), trigger),
            label(Bundle.LBL_Kind(), kind), label(Bundle.LBL_Family(), family),
            label(Bundle.LBL_Location(), location), label(Bundle.LBL_Folder(), folder)};
        java.awt.Component[] fields = {name, trigger, kind, family, location, folder};
        GroupLayout g = new GroupLayout(this);
        setLayout(g);
        g.setAutoCreateGaps(true);
        GroupLayout.ParallelGroup labelCol = g.createParallelGroup();
        GroupLayout.ParallelGroup fieldCol = g.createParallelGroup();
        GroupLayout.SequentialGroup rows = g.createSequentialGroup();
        for (int i = 0; i < labels.length; i++) {
            labelCol.addComponent(labels[i]);
            fieldCol.addComponent(fields[i]);
            GroupLayout.ParallelGroup row = g.createParallelGroup(GroupLayout.Alignment.BASELINE)
                    .addComponent(labels[i]).addComponent(fields[i]);
            if (fields[i] == location) {
                row.addComponent(browse);
            }
            rows.addGroup(row);
        }
        g.setHorizontalGroup(g.createSequentialGroup().addGroup(labelCol).addGroup(fieldCol).addComponent(browse));
        g.setVerticalGroup(rows);
    }

    private static JLabel label(String text, java.awt.Component target) {
        JLabel l = new JLabel();
        org.openide.awt.Mnemonics.setLocalizedText(l, text);
        l.setLabelFor(target);
        return l;
    }

    private void browse(ActionEvent e) {
        JFileChooser chooser = new JFileChooser(location.getText());
        chooser.setDialogTitle(Bundle.TITLE_ChooseLocation());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            location.setText(f.getAbsolutePath());
        }
    }
}
