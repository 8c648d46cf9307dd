package io.atelier.tageditor.ui.captions;

import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.CaptionText;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectDescriptorException;
import io.atelier.core.project.ProjectLayout;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.dataset.ui.grid.DatasetListing;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.openide.filesystems.FileChangeAdapter;
import org.openide.filesystems.FileEvent;
import org.openide.filesystems.FileRenameEvent;
import org.openide.filesystems.FileUtil;
import org.openide.util.RequestProcessor;

/**
 * Follows a project's {@code dataset/} folder for a Tag editor window: lists its images with their captions and the
 * project's trigger word, reads a caption again when another program changes it, and lists everything again when
 * images come or go. Bursts of file events coalesce. Reads happen on the given request processor; results are handed
 * to the event thread.
 */
public final class CaptionFolder {

    /** What a listing found. {@code trigger} is null when {@code atelier.json} cannot be read. */
    public record Listing(List<DatasetImage> images, Map<Path, CaptionText> captions, Map<Path, String> problems,
                          String trigger, String failure) {
    }

    /** Where the results go, on the event thread. */
    public interface Sink {
        void listed(Listing listing);

        /** Captions read again after a change on disk; {@code problems}: the ones that could not be read. */
        void reread(List<CaptionText> captions, Map<Path, String> problems);
    }

    private static final Logger LOG = Logger.getLogger(CaptionFolder.class.getName());
    private static final int COALESCE_MS = 150;

    private final ProjectLayout layout;
    private final RequestProcessor processor;
    private final Sink sink;
    private final RequestProcessor.Task listing;
    private final RequestProcessor.Task rereading;
    private final Set<String> changedCaptions = new LinkedHashSet<>();   // guarded by itself
    private volatile Map<String, List<Path>> imagesByBase = Map.of();
    private final FileChangeAdapter listener = new Listener();
    private File watched;

    public CaptionFolder(ProjectLayout layout, RequestProcessor processor, Sink sink) {
        this.layout = layout;
        this.processor = processor;
        this.sink = sink;
        this.listing = processor.create(this::list);
        this.rereading = processor.create(this::reread);
    }

    /** Starts following the folder and lists it. */
    public void start() {
        watched = FileUtil.normalizeFile(layout.dataset().toFile());
        FileUtil.addFileChangeListener(listener, watched);
        listing.schedule(0);
    }

    public void stop() {
        if (watched != null) {
            FileUtil.removeFileChangeListener(listener, watched);
            watched = null;
        }
        listing.cancel();
        rereading.cancel();
    }

    /** Lists again now. */
    public void relist() {
        listing.schedule(0);
    }

    /** Looks at the folder again for changes made by other programs (they arrive as file events). */
    public void refreshFromDisk() {
        processor.post(() -> FileUtil.refreshFor(layout.dataset().toFile()));
    }

    /**
     * Reads every caption again, so a change another program made is seen even when no file event told of it (a
     * file system without notifications, a change within the same timestamp). Cheap: captions are small.
     */
    public void recheck() {
        synchronized (changedCaptions) {
            changedCaptions.addAll(imagesByBase.keySet());
        }
        rereading.schedule(COALESCE_MS);
    }

    private void list() {
        String trigger = null;
        try {
            trigger = ProjectDescriptor.read(layout.root()).triggerWord();
        } catch (ProjectDescriptorException e) {
            LOG.log(Level.FINE, "no trigger word", e);
        }
        List<DatasetImage> images;
        try {
            images = DatasetListing.list(layout);
        } catch (IOException e) {
            LOG.log(Level.FINE, "listing failed", e);
            String failure = e.getMessage() != null ? e.getMessage() : e.toString();
            Listing l = new Listing(List.of(), Map.of(), Map.of(), trigger, failure);
            SwingUtilities.invokeLater(() -> sink.listed(l));
            return;
        }
        Map<Path, CaptionText> captions = new LinkedHashMap<>();
        Map<Path, String> problems = new HashMap<>();
        Map<String, List<Path>> byBase = new HashMap<>();
        for (DatasetImage image : images) {
            read(image.file(), captions, problems);
            byBase.computeIfAbsent(CaptionFiles.captionFile(image.file()).getFileName().toString(),
                    k -> new ArrayList<>()).add(image.file());
        }
        imagesByBase = byBase;
        Listing l = new Listing(images, captions, problems, trigger, null);
        SwingUtilities.invokeLater(() -> sink.listed(l));
    }

    private void reread() {
        List<String> names;
        synchronized (changedCaptions) {
            names = new ArrayList<>(changedCaptions);
            changedCaptions.clear();
        }
        Map<Path, CaptionText> captions = new LinkedHashMap<>();
        Map<Path, String> problems = new HashMap<>();
        for (String name : names) {
            for (Path image : imagesByBase.getOrDefault(name, List.of())) {
                read(image, captions, problems);
            }
        }
        if (!captions.isEmpty() || !problems.isEmpty()) {
            List<CaptionText> read = List.copyOf(captions.values());
            SwingUtilities.invokeLater(() -> sink.reread(read, problems));
        }
    }

    private static void read(Path image, Map<Path, CaptionText> into, Map<Path, String> problems) {
        try {
            into.put(image, CaptionFiles.read(image));
        } catch (IOException e) {
            LOG.log(Level.FINE, "caption unreadable", e);
            problems.put(image, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private void changed(FileEvent fe, boolean structure) {
        String name = fe.getFile().getNameExt();
        if (name.startsWith(".")) {
            return;   // temp files of atomic writes, .originals, .prepare
        }
        if (!structure && name.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
            synchronized (changedCaptions) {
                changedCaptions.add(name);
            }
            rereading.schedule(COALESCE_MS);
        } else {
            listing.schedule(COALESCE_MS);
        }
    }

    private final class Listener extends FileChangeAdapter {
        @Override
        public void fileDataCreated(FileEvent fe) {
            changed(fe, !fe.getFile().getNameExt().toLowerCase(java.util.Locale.ROOT).endsWith(".txt"));
        }

        @Override
        public void fileChanged(FileEvent fe) {
            changed(fe, false);
        }

        @Override
        public void fileDeleted(FileEvent fe) {
            changed(fe, !fe.getFile().getNameExt().toLowerCase(java.util.Locale.ROOT).endsWith(".txt"));
        }

        @Override
        public void fileRenamed(FileRenameEvent fe) {
            changed(fe, true);
        }
    }
}
