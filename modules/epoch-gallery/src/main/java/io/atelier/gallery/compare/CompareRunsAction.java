package io.atelier.gallery.compare;

import io.atelier.project.api.AppStore;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Window › Compare Runs…: a checklist of every run of every project; two or more ticked open a Compare window. The
 * runs are listed off the event thread (the store), then chosen in a dialog.
 */
@ActionID(category = "Window", id = "io.atelier.gallery.compare.CompareRunsAction")
@ActionRegistration(displayName = "#CTL_CompareRuns")
@ActionReference(path = "Menu/Window", position = 45)
@Messages("CTL_CompareRuns=Compare Runs\u2026")
public final class CompareRunsAction implements ActionListener {

    private static final Logger LOG = Logger.getLogger(CompareRunsAction.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Compare runs list", 1);

    @Override
    public void actionPerformed(ActionEvent e) {
        RP.post(() -> {
            try {
                List<RunChoiceModel.Choice> choices = AppStore.store().runs().list().stream()
                        .map(RunChoiceModel.Choice::of).toList();
                SwingUtilities.invokeLater(() -> choose(choices));
            } catch (StoreException | StoreAccessException ex) {
                LOG.log(Level.INFO, "Cannot list the runs to compare", ex);
                DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message("Cannot list the runs: "
                        + ex.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            }
        });
    }

    private static void choose(List<RunChoiceModel.Choice> choices) {
        if (choices.size() < 2) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message("Comparing needs at least two runs; "
                    + (choices.isEmpty() ? "there are none yet." : "there is one so far."),
                    NotifyDescriptor.INFORMATION_MESSAGE));
            return;
        }
        RunChoiceModel model = new RunChoiceModel(choices);
        JTable table = new JTable(model);
        table.setName("compareRunChoices");
        table.getColumnModel().getColumn(0).setMaxWidth(30);
        table.getColumnModel().getColumn(1).setPreferredWidth(380);
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel("Tick two or more runs, of one project or several:"), BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(640, 320));
        panel.add(scroll, BorderLayout.CENTER);
        DialogDescriptor d = new DialogDescriptor(panel, "Compare Runs");
        d.setValid(false);
        model.addTableModelListener(ev -> d.setValid(model.ticked().size() >= 2));
        if (DialogDisplayer.getDefault().notify(d) == DialogDescriptor.OK_OPTION && model.ticked().size() >= 2) {
            CompareTopComponent.open(model.ticked());
        }
    }
}
