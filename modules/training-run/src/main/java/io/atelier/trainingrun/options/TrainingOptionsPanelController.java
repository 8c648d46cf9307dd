package io.atelier.trainingrun.options;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.JComponent;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;

/** The "Training" category of Tools › Options. */
@OptionsPanelController.TopLevelRegistration(id = "Training", categoryName = "#OptionsCategory_Name_Training",
        iconBase = "io/atelier/trainingrun/resources/training32.png",
        keywords = "#OptionsCategory_Keywords_Training", keywordsCategory = "Training", position = 900)
@Messages({"OptionsCategory_Name_Training=Training",
    "OptionsCategory_Keywords_Training=sd-scripts python accelerate GPU CUDA queue training built-in CLIP tokenizer"})
public final class TrainingOptionsPanelController extends OptionsPanelController {

    private final PropertyChangeSupport pcs = new PropertyChangeSupport(this);
    private TrainingOptionsPanel panel;
    private boolean changed;

    @Override
    public void update() {
        panel().load();
        changed = false;
    }

    @Override
    public void applyChanges() {
        panel().store();
        changed = false;
    }

    @Override
    public void cancel() {
        // nothing was written before OK
    }

    @Override
    public boolean isValid() {
        return panel().valid();
    }

    @Override
    public boolean isChanged() {
        return panel().changed();
    }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        return panel();
    }

    @Override
    public HelpCtx getHelpCtx() {
        return null;
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        pcs.addPropertyChangeListener(l);
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        pcs.removePropertyChangeListener(l);
    }

    private TrainingOptionsPanel panel() {
        if (panel == null) {
            panel = new TrainingOptionsPanel(this);
        }
        return panel;
    }

    /** The panel's fields changed: the Options dialog re-checks OK/Apply. */
    void changed() {
        boolean now = panel().changed();
        if (now != changed) {
            changed = now;
            pcs.firePropertyChange(OptionsPanelController.PROP_CHANGED, !now, now);
        }
        pcs.firePropertyChange(OptionsPanelController.PROP_VALID, null, null);
    }
}
