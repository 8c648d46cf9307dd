package io.atelier.runner;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.basemodel.FileHasher;
import io.atelier.core.params.Params;
import io.atelier.core.params.ProjectConfig;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectDescriptor;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.core.run.DatasetEntry;
import io.atelier.core.run.EngineSettings;
import io.atelier.core.run.RunSpec;
import io.atelier.core.run.TrainingEngine;
import io.atelier.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Freezes what a run will train on: the project's configuration and the preset it came from, every dataset image and
 * caption with its hash, the registered base model and its hash, the engine and its version. Everything is checked
 * here, before anything is queued, so a run never fails later for a reason visible now.
 */
final class RunFreezer {

    private final Store store;
    private final Clock clock;
    private final FileHasher hasher = new FileHasher();

    RunFreezer(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    RunSpec freeze(Path projectRoot, TrainingEngine engine, EngineSettings settings, BooleanSupplier cancelled)
            throws RunException {
        Path root = projectRoot.toAbsolutePath().normalize();
        ProjectLayout layout = new ProjectLayout(root);
        LoraProject project;
        ProjectConfig config;
        try {
            project = ProjectDescriptor.read(root);
            config = ProjectConfig.read(layout, project);
        } catch (IOException e) {
            throw new RunException(e.getMessage(), e);
        }
        BaseModelFamily family = BaseModelFamily.parse(config.config().getString(Params.MODEL_FAMILY));
        if (!engine.supportedFamilies().contains(family)) {
            throw new RunException(engine.name() + " cannot train " + family.displayName() + " models");
        }
        BaseModel base = baseModel(config, ProjectConfig.file(layout));
        List<DatasetEntry> dataset = manifest(layout, cancelled);
        return new RunSpec(UUID.randomUUID(), root, engine.id(), engine.version(settings), config.config(),
                config.preset(), base.file(), base.sha256(), dataset, clock.instant());
    }

    private BaseModel baseModel(ProjectConfig config, Path configFile) throws RunException {
        String sha = config.config().getString(Params.BASE_MODEL);
        if (sha.isBlank()) {
            throw new RunException(configFile + " names no base model: choose one in the Config window "
                    + "(or atelier config set DIR base_model <sha-256>)");
        }
        BaseModel base = store.baseModels().findBySha256(sha).orElseThrow(() -> new RunException(configFile
                + " names base model " + sha + ", which is not registered (atelier basemodel add FILE)"));
        if (!Files.isRegularFile(base.file())) {
            throw new RunException("the base model \"" + base.name() + "\" is missing: " + base.file()
                    + " does not exist any more");
        }
        return base;
    }

    private List<DatasetEntry> manifest(ProjectLayout layout, BooleanSupplier cancelled) throws RunException {
        Path datasetDir = layout.dataset();
        List<Path> images;
        try (Stream<Path> files = Files.list(datasetDir)) {
            images = files.filter(Files::isRegularFile).filter(ProjectStats::isImage).sorted().toList();
        } catch (IOException e) {
            throw new RunException("cannot list " + datasetDir + ": " + e.getMessage(), e);
        }
        if (images.isEmpty()) {
            throw new RunException("there are no images in " + datasetDir + " to train on");
        }
        List<DatasetEntry> entries = new ArrayList<>();
        for (Path image : images) {
            Path caption = ProjectStats.captionOf(image);
            try {
                String captionHash = Files.isRegularFile(caption) ? hash(caption, cancelled) : null;
                entries.add(new DatasetEntry(image.getFileName().toString(), hash(image, cancelled), captionHash));
            } catch (IOException e) {
                throw new RunException("cannot read " + image + ": " + e.getMessage(), e);
            }
            if (cancelled.getAsBoolean()) {
                throw new RunException("cancelled");
            }
        }
        return entries;
    }

    private String hash(Path file, BooleanSupplier cancelled) throws IOException {
        return hasher.sha256(file, FileHasher.Progress.NONE, cancelled);
    }
}
