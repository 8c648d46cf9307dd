package io.atelier.project.basemodel;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.project.store.StoreService;
import io.atelier.store.StoreAccessException;
import io.atelier.store.StoreException;
import java.awt.BorderLayout;
import java.io.File;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;

/** The base-model registry: local checkpoints with family, size and hashes. */
@TopComponent.Description(preferredID = BaseModelsTopComponent.ID,
        iconBase = "io/atelier/project/resources/configs.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 20)
@ActionID(category = "Window", id = "io.atelier.project.basemodel.BaseModelsTopComponent")
@ActionReference(path = "Menu/Window", position = 20)
@TopComponent.OpenActionRegistration(displayName = "#CTL_BaseModelsAction", preferredID = BaseModelsTopComponent.ID)
@Messages({
    "CTL_BaseModelsAction=&Base Models",
    "CTL_BaseModelsTopComponent=Base Models",
    "BTN_Add=Add Checkpoint...",
    "BTN_RemoveModel=Remove",
    "BTN_RefreshModels=Refresh",
    "FILTER_Safetensors=Safetensors checkpoints (*.safetensors)",
    "# {0} - count",
    "LBL_ModelCount={0} base models",
    "# {0} - reason",
    "LBL_ModelsUnavailable=The registry is unavailable: {0}",
    "# {0} - name",
    "MSG_ConfirmRemoveModel=Remove \"{0}\" from the registry? The file stays where it is."
})
public final class BaseModelsTopComponent extends TopComponent {

    public static final String ID = "BaseModelsTopComponent";
    private static final RequestProcessor RP = new RequestProcessor("Base models", 1);

    private final BaseModelTableModel model = new BaseModelTableModel();
    private final JTable table = new JTable(model);
    private final JLabel status = new JLabel(" ");

    public BaseModelsTopComponent() {
        setName(Bundle.CTL_BaseModelsTopComponent());
        setLayout(new BorderLayout());
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(button(Bundle.BTN_Add(), this::add));
        bar.add(button(Bundle.BTN_RemoveModel(), this::removeSelected));
        bar.addSeparator();
        bar.add(button(Bundle.BTN_RefreshModels(), this::refresh));
        add(bar, BorderLayout.NORTH);
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
    }

    private static JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.addActionListener(e -> action.run());
        return b;
    }

    private void add() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter(Bundle.FILTER_Safetensors(), "safetensors"));
        // the filter is a convenience: pickle files picked through "All Files" are refused with a reason
        chooser.setAcceptAllFileFilterUsed(true);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            File file = chooser.getSelectedFile();
            BaseModelRegistration.start(file.toPath(), this::refresh);
        }
    }

    private void removeSelected() {
        int row = table.getSelectedRow();
        if (row < 0) {
            return;
        }
        BaseModel m = model.modelAt(table.convertRowIndexToModel(row));
        NotifyDescriptor confirm = new NotifyDescriptor.Confirmation(Bundle.MSG_ConfirmRemoveModel(m.name()),
                NotifyDescriptor.OK_CANCEL_OPTION);
        if (DialogDisplayer.getDefault().notify(confirm) == NotifyDescriptor.OK_OPTION) {
            RP.post(() -> {
                try {
                    StoreService.store().baseModels().remove(m.file());
                } catch (StoreException | StoreAccessException e) {
                    showUnavailable(e.getMessage());
                }
                refresh();
            });
        }
    }

    private void refresh() {
        RP.post(() -> {
            try {
                List<BaseModel> models = StoreService.store().baseModels().list();
                SwingUtilities.invokeLater(() -> {
                    model.setModels(models);
                    status.setText(Bundle.LBL_ModelCount(models.size()));
                });
            } catch (StoreException | StoreAccessException e) {
                showUnavailable(e.getMessage());
            }
        });
    }

    private void showUnavailable(String reason) {
        SwingUtilities.invokeLater(() -> status.setText(Bundle.LBL_ModelsUnavailable(reason)));
    }

    @Override
    protected void componentOpened() {
        refresh();
    }
}
