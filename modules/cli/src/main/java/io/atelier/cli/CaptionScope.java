package io.atelier.cli;

import io.atelier.core.caption.CaptionProblem;
import io.atelier.core.caption.CaptionFiles;
import io.atelier.core.caption.TagExpression;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectDescriptorException;
import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.report.DatasetReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project folder and which of its images a tags command works on (all, or those matching --filter). */
final class CaptionScope {

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "only images whose caption matches, e.g. \"solo AND NOT 1boy\" (AND, OR, NOT, parentheses)")
    String filter;

    ProjectLayout layout() {
        return ProjectDirs.layout(dir);
    }

    /** The project's trigger word from atelier.json. */
    String trigger(ProjectLayout layout) {
        try {
            return ProjectDescriptor.read(layout.root()).triggerWord();
        } catch (ProjectDescriptorException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /** Images in scope, and captions the filter could not read (so they were left out). */
    record Selection(List<Path> images, List<CaptionProblem> unreadable) {
    }

    /** The dataset's images in scope, sorted by name. */
    Selection images(ProjectLayout layout) {
        TagExpression expression;
        try {
            expression = filter == null ? null : TagExpression.parse(filter);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--filter: " + e.getMessage(), e);
        }
        List<Path> all;
        try {
            all = DatasetReport.imageFiles(layout);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + layout.dataset() + ": " + e.getMessage(), e);
        }
        if (expression == null) {
            return new Selection(all, List.of());
        }
        List<Path> matching = new ArrayList<>();
        List<CaptionProblem> unreadable = new ArrayList<>();
        for (Path image : all) {
            try {
                if (expression.matches(CaptionFiles.read(image).caption().tags())) {
                    matching.add(image);
                }
            } catch (IOException e) {
                unreadable.add(new CaptionProblem(CaptionFiles.captionFile(image), e.getMessage()));
            }
        }
        return new Selection(matching, unreadable);
    }
}
