package io.atelier.project.welcome;

import io.atelier.project.wizard.NewLoraProjectAction;
import io.atelier.project.wizard.ProjectOpener;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.File;
import java.io.IOException;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import org.netbeans.spi.project.ui.support.ProjectChooser;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.ImageUtilities;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/** First-start page: create a LoRA project, open one, or try the generated sample project. */
@TopComponent.Description(preferredID = WelcomeTopComponent.ID,
        iconBase = "io/atelier/project/resources/project.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 5)
@ActionID(category = "Window", id = "io.atelier.project.welcome.WelcomeTopComponent")
@ActionReference(path = "Menu/Help", position = 5)
@TopComponent.OpenActionRegistration(displayName = "#CTL_WelcomeAction", preferredID = WelcomeTopComponent.ID)
@Messages({
    "CTL_WelcomeAction=&Welcome",
    "CTL_WelcomeTopComponent=Welcome",
    "LBL_WelcomeTitle=Welcome to LoRA Atelier",
    "LBL_WelcomeText=<html>Each LoRA is a project: its dataset, captions, training configs, runs and epoch gallery.<br>"
            + "Start a new one, open a project folder, or try the sample project with generated images.</html>",
    "BTN_NewProject=New LoRA Project...",
    "BTN_OpenProject=Open Project...",
    "BTN_SampleProject=Create Sample Project",
    "# {0} - reason",
    "ERR_OpenProject=Cannot open the project: {0}"
})
public final class WelcomeTopComponent extends TopComponent {

    public static final String ID = "WelcomeTopComponent";

    public WelcomeTopComponent() {
        setName(Bundle.CTL_WelcomeTopComponent());
        setLayout(new GridBagLayout());
        JPanel column = new JPanel();
        column.setOpaque(false);
        column.setLayout(new BoxLayout(column, BoxLayout.Y_AXIS));
        JLabel logo = new JLabel(new ImageIcon(ImageUtilities.loadImage("io/atelier/project/resources/project32.png")));
        JLabel title = new JLabel(Bundle.LBL_WelcomeTitle(), SwingConstants.LEFT);
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.8f));
        JLabel text = new JLabel(Bundle.LBL_WelcomeText());
        text.setBorder(BorderFactory.createEmptyBorder(8, 0, 16, 0));
        column.add(logo);
        column.add(title);
        column.add(text);
        column.add(button(Bundle.BTN_NewProject(), () -> new NewLoraProjectAction().actionPerformed(null)));
        column.add(Box.createVerticalStrut(8));
        column.add(button(Bundle.BTN_OpenProject(), this::openProject));
        column.add(Box.createVerticalStrut(8));
        column.add(button(Bundle.BTN_SampleProject(), SampleProjectAction::createInBackground));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(24, 24, 24, 24);
        add(column, c);
    }

    private static JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.setAlignmentX(LEFT_ALIGNMENT);
        b.setFont(b.getFont().deriveFont(b.getFont().getSize2D() * 1.15f));
        b.addActionListener(e -> action.run());
        return b;
    }

    private void openProject() {
        JFileChooser chooser = ProjectChooser.projectChooser();
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File folder = chooser.getSelectedFile();
        RequestProcessor.getDefault().post(() -> {
            try {
                ProjectOpener.open(folder.toPath());
            } catch (IOException e) {
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                        Bundle.ERR_OpenProject(e.getMessage()), NotifyDescriptor.WARNING_MESSAGE));
            }
        });
    }
}
