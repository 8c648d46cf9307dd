package io.atelier.cli;

import io.atelier.core.lora.inspect.DatasetDir;
import io.atelier.core.lora.inspect.KeyPattern;
import io.atelier.core.lora.inspect.LoraProblem;
import io.atelier.core.lora.inspect.LoraReport;
import io.atelier.core.lora.inspect.ModuleCounts;
import io.atelier.core.lora.inspect.RankAlpha;
import io.atelier.core.lora.inspect.TrainedTag;
import io.atelier.core.lora.inspect.TrainingSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code atelier lora inspect --json}: the whole report, fields in this order (README, "CLI JSON"). */
record LoraInspectJson(String file, String name, long sizeBytes, int tensorCount, Map<String, Integer> dtypes,
                       boolean hasMetadata, String kind, Map<String, Integer> moduleKinds, ModuleCounts modules,
                       Rank rank, BaseModel baseModel, Training training, List<TrainedTag> tags,
                       List<DatasetDir> datasetDirs, Map<String, String> networkArgs, Metadata metadata,
                       List<KeyPattern> unknownKeys, List<String> notes, List<LoraProblem> problems) {

    record Rank(Integer dim, String dimSource, Double alpha, String alphaSource, List<Integer> ranks,
                List<Double> alphas, Integer minRank, Integer maxRank, Double minAlpha, Double maxAlpha) {
        static Rank of(RankAlpha r) {
            return new Rank(r.dim(), r.dimSource(), r.alpha(), r.alphaSource(), r.ranks(), r.alphas(), r.minRank(),
                    r.maxRank(), r.minAlpha(), r.maxAlpha());
        }
    }

    record BaseModel(String family, List<String> evidence, String baseModelVersion, String architecture,
                     String sdModelName, String sdModelHash, String newSdModelHash) {
    }

    record Training(String outputName, Integer epoch, Integer epochs, Integer steps, Integer maxTrainSteps,
                    Double learningRate, Double unetLr, Double textEncoderLr, String optimizer, String lrScheduler,
                    Integer lrWarmupSteps, String resolution, Integer trainImages, Integer regImages,
                    Integer batchSize, Long seed, Integer clipSkip, String mixedPrecision, String networkModule,
                    Double noiseOffset, Double minSnrGamma, String trainingComment, String trainingStartedAt,
                    String trainingFinishedAt) {
        static Training of(TrainingSummary t) {
            return new Training(t.outputName(), t.epoch(), t.epochs(), t.steps(), t.maxTrainSteps(), t.learningRate(),
                    t.unetLr(), t.textEncoderLr(), t.optimizer(), t.lrScheduler(), t.lrWarmupSteps(), t.resolution(),
                    t.trainImages(), t.regImages(), t.batchSize(), t.seed(), t.clipSkip(), t.mixedPrecision(),
                    t.networkModule(), t.noiseOffset(), t.minSnrGamma(), t.trainingComment(),
                    RunCommands.iso(t.trainingStartedAt()), RunCommands.iso(t.trainingFinishedAt()));
        }
    }

    record Metadata(Map<String, String> ss, Map<String, String> modelspec, Map<String, String> hashes,
                    Map<String, String> other) {
    }

    static LoraInspectJson of(LoraReport r) {
        Map<String, Integer> dtypes = new LinkedHashMap<>();
        r.dtypes().forEach((d, n) -> dtypes.put(d.name(), n));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        r.moduleKinds().forEach((k, n) -> kinds.put(k.id(), n));
        var b = r.baseModel();
        BaseModel base = new BaseModel(b.family() == null ? null : b.family().cliName(), b.evidence(),
                b.baseModelVersion(), b.architecture(), b.sdModelName(), b.sdModelHash(), b.newSdModelHash());
        var m = r.metadata();
        return new LoraInspectJson(r.file().toString(), r.name(), r.sizeBytes(), r.tensorCount(), dtypes,
                r.hasMetadata(), r.kind().id(), kinds, r.modules(), Rank.of(r.rankAlpha()), base,
                Training.of(r.training()), r.tags(), r.datasetDirs(), r.networkArgs(),
                new Metadata(m.ss(), m.modelspec(), m.hashes(), m.other()), r.unknownKeys(), r.notes(), r.problems());
    }
}
