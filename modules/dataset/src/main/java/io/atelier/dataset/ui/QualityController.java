package io.atelier.dataset.ui;

import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.report.FindingKind;
import io.atelier.dataset.ui.report.KeptFindings;
import io.atelier.dataset.ui.report.QualityIndex;
import io.atelier.dataset.ui.work.BackgroundWork;
import io.atelier.dataset.ui.work.Cancelled;
import io.atelier.dataset.ui.work.ProblemList;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.ImageMeasures;
import io.atelier.imaging.report.MeasureCache;
import io.atelier.project.api.AppStore;
import io.atelier.store.ContentCacheRepository;
import io.atelier.store.StoreException;
import io.atelier.imaging.resample.Resampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.util.NbBundle.Messages;

/**
 * The quality report of one Dataset window: runs the check, keeps the findings the user dismissed (saved in the
 * project), and narrows the report to the files listed now. Event thread only; {@code changed} runs after every change.
 */
@Messages({
    "# {0} - project name",
    "PROGRESS_Check=Checking the quality of {0}",
    "# {0} - reason",
    "ERR_Kept=The kept findings cannot be read, so every finding shows: {0}",
    "# {0} - reason",
    "ERR_SaveKept=The kept finding is not remembered: {0}"
})
final class QualityController {

    private static final Logger LOG = Logger.getLogger(QualityController.class.getName());

    private final DatasetProject project;
    private final Runnable changed;
    private final Runnable checkingChanged;
    private QualityIndex checked;     // the last report, with kept findings, over every file it covered
    private QualityIndex view;        // the same, narrowed to the files listed now
    private KeptFindings kept = KeptFindings.NONE;
    private Set<String> listed = Set.of();
    private boolean checking;

    /** {@code checkingChanged} runs when a check starts or ends (to enable the button). */
    QualityController(DatasetProject project, Runnable changed, Runnable checkingChanged) {
        this.project = project;
        this.changed = changed;
        this.checkingChanged = checkingChanged;
    }

    /** The report for the listed files, or null before the first check. */
    QualityIndex view() {
        return view;
    }

    boolean checking() {
        return checking;
    }

    /** Whether images were added since the check (they have no findings yet). */
    boolean stale() {
        if (view == null) {
            return false;
        }
        for (String name : listed) {
            if (!view.covers(name)) {
                return true;
            }
        }
        return false;
    }

    /** Checks every image in the background; {@code then} runs after a successful check. */
    void check(Runnable then) {
        if (checking) {
            return;
        }
        checking = true;
        checkingChanged.run();
        ProjectLayout layout = project.layout();
        BackgroundWork.start(DatasetThreads.WORK, Bundle.PROGRESS_Check(project.displayName()), progress -> {
            try {
                return DatasetReport.of(layout, Resampler.DEFAULT_LONG_SIDE, progress::step, progress::cancelled,
                        measureCache());
            } catch (CancellationException e) {
                throw new Cancelled();
            }
        }, report -> {
            checking = false;
            checkingChanged.run();
            checked = QualityIndex.of(report, kept);
            update();
            then.run();
        }, () -> {
            checking = false;
            checkingChanged.run();
        });
    }

    /** The listing changed: files gone since the check drop out of the findings. */
    void listed(List<DatasetImage> images) {
        Set<String> names = new HashSet<>();
        for (DatasetImage image : images) {
            names.add(image.name());
        }
        listed = names;
        update();
    }

    /** Prepare or its undo renamed every image: the report describes files that no longer exist. */
    void forgetReport() {
        checked = null;
        update();
    }

    /** Reads the project's kept findings (off the event thread), then applies them. */
    void loadKept() {
        Path file = KeptFindings.fileOf(project.layout());
        DatasetThreads.IO.post(() -> {
            try {
                KeptFindings loaded = KeptFindings.load(file);
                SwingUtilities.invokeLater(() -> setKept(loaded, false));
            } catch (IOException e) {
                LOG.log(Level.INFO, "kept findings unreadable", e);
                ProblemList.showMessage(Bundle.ERR_Kept(e.getMessage()));
            }
        });
    }

    /** Keeps {@code kind} on {@code file} (with its group, for duplicates) and remembers it in the project. */
    void keep(String file, FindingKind kind) {
        if (view != null) {
            setKept(kept.keep(view.keepTargets(file, kind), kind), true);
        }
    }

    /** Shows every kept finding again. */
    void forgetKept() {
        setKept(KeptFindings.NONE, true);
    }

    /** A caption was written for {@code file}: its "no caption" finding goes without a new check. */
    void captionWritten(String file) {
        if (checked != null) {
            checked = checked.withCaptionWritten(file);
            update();
        }
    }

    private void setKept(KeptFindings next, boolean save) {
        kept = next;
        update();
        if (save) {
            Path file = KeptFindings.fileOf(project.layout());
            DatasetThreads.IO.post(() -> {
                try {
                    next.save(file);
                } catch (IOException e) {
                    LOG.log(Level.INFO, "kept findings not saved", e);
                    ProblemList.showMessage(Bundle.ERR_SaveKept(e.getMessage()));
                }
            });
        }
    }

    private void update() {
        if (checked != null) {
            checked = checked.withKept(kept);
            view = checked.restrictedTo(listed);
        } else {
            view = null;
        }
        changed.run();
    }

    /**
     * Measures of images seen before (same content) come from the store, so reopening a large dataset decodes only
     * new images; without a store the check measures everything.
     */
    private static MeasureCache measureCache() {
        try {
            ContentCacheRepository.Area area = AppStore.store().contentCache()
                    .area("image-measures-v" + ImageMeasures.VERSION);
            return MeasureCache.textBacked(area::get, area::put);
        } catch (StoreException e) {
            LOG.log(Level.INFO, "no store for the measure cache: {0}", e.getMessage());
            return MeasureCache.NONE;
        }
    }
}
