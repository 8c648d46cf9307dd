package io.atelier.trainingrun.service;

import java.util.concurrent.Callable;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.modules.OnStop;

/** Before the app exits: when runs this app drives are going, asks whether to stop them (they can be resumed). */
@OnStop
public final class RunsCloseCheck implements Callable<Boolean> {

    @Override
    public Boolean call() {
        int live = AppRuns.drivenLiveRuns().size();
        if (live == 0) {
            return true;
        }
        NotifyDescriptor ask = new NotifyDescriptor.Confirmation((live == 1 ? "A training run is" : live
                + " training runs are") + " going. Closing LoRA Atelier stops "
                + (live == 1 ? "it" : "them") + "; you can resume later from the Runs window.\n\nClose anyway?",
                "Training in progress", NotifyDescriptor.YES_NO_OPTION, NotifyDescriptor.WARNING_MESSAGE);
        return DialogDisplayer.getDefault().notify(ask) == NotifyDescriptor.YES_OPTION;
    }
}
