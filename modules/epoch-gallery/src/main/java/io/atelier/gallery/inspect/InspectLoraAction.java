package io.atelier.gallery.inspect;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.openide.windows.WindowManager;

/** File › Inspect LoRA File…: any LoRA {@code .safetensors} (ours, sd-scripts', downloaded) in the inspector. */
@ActionID(category = "File", id = "io.atelier.gallery.inspect.InspectLoraAction")
@ActionRegistration(displayName = "#CTL_InspectLora")
@ActionReference(path = "Menu/File", position = 1450)
@Messages("CTL_InspectLora=Inspect LoRA File\u2026")
public final class InspectLoraAction implements ActionListener {

    private static final String LAST_FOLDER = "inspect.lastFolder";

    @Override
    public void actionPerformed(ActionEvent e) {
        String last = NbPreferences.forModule(InspectLoraAction.class).get(LAST_FOLDER, null);
        JFileChooser chooser = new JFileChooser(last == null ? null : new File(last));
        chooser.setDialogTitle("Inspect a LoRA file");
        chooser.setFileFilter(new FileNameExtensionFilter("LoRA files (*.safetensors)", "safetensors"));
        if (chooser.showOpenDialog(WindowManager.getDefault().getMainWindow()) == JFileChooser.APPROVE_OPTION) {
            File file = chooser.getSelectedFile();
            NbPreferences.forModule(InspectLoraAction.class).put(LAST_FOLDER, file.getParent());
            LoraInspectorTopComponent.open(file.toPath());
        }
    }
}
