package io.atelier.imaging.report;

import io.atelier.core.buckets.ImageSize;
import io.atelier.core.caption.Caption;
import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.params.DatasetFacts;
import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.decode.ImageInfo;
import io.atelier.imaging.decode.ImageProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the step budget and the configuration checks need from a dataset, read cheaply: image sizes from the headers
 * (stored sizes, as sd-scripts buckets them) and the captions. Unreadable files are left out and listed.
 */
public final class DatasetFactsScan {

    /** The facts, and the files that could not be read. */
    public record Result(DatasetFacts facts, List<FileProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private DatasetFactsScan() {
    }

    /** @throws IOException when the dataset folder cannot be listed */
    public static Result scan(ProjectLayout layout, String trigger) throws IOException {
        ImageProbe probe = new ImageProbe();
        List<ImageSize> sizes = new ArrayList<>();
        List<String> uncaptioned = new ArrayList<>();
        List<String> notFirst = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (Path image : DatasetReport.imageFiles(layout)) {
            String name = image.getFileName().toString();
            try {
                ImageInfo info = probe.probe(image);
                sizes.add(new ImageSize(info.width(), info.height()));
            } catch (IOException | RuntimeException e) {
                problems.add(new FileProblem(name, e.getMessage() != null ? e.getMessage() : e.toString()));
                continue;
            }
            try {
                Caption caption = CaptionFiles.read(image).caption();
                if (caption.isEmpty()) {
                    uncaptioned.add(name);
                } else if (!caption.startsWithTrigger(trigger)) {
                    notFirst.add(name);
                }
            } catch (IOException e) {
                problems.add(new FileProblem(CaptionFiles.captionFile(image).getFileName().toString(),
                        e.getMessage()));
                uncaptioned.add(name);
            }
        }
        return new Result(new DatasetFacts(sizes, uncaptioned, notFirst), problems);
    }
}
