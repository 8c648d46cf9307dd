package io.atelier.core.lora.inspect;

import io.atelier.core.lora.PythonText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A LoRA report for a person (the command line and the inspector window): the summary, with the top tags and the
 * parameters worth knowing.
 */
public final class LoraReportText {

    public static final int TOP_TAGS = 20;
    private static final String INDENT = "               ";

    private final LoraReport r;
    private final StringBuilder out = new StringBuilder();

    public LoraReportText(LoraReport report) {
        this.r = report;
    }

    public void print(PrintWriter writer) {
        writer.print(render());
        writer.flush();
    }

    /** The whole text, one labelled line per fact. */
    public String render() {
        if (!out.isEmpty()) {
            return out.toString();
        }
        line("Name", r.name());
        line("File", r.file() + ", " + size(r.sizeBytes()) + ", " + r.tensorCount() + " tensors ("
                + r.dtypes().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ")");
        kind();
        baseModel();
        rank();
        modules();
        training();
        dataset();
        tags();
        for (KeyPattern k : r.unknownKeys()) {
            line("Unknown keys", k.count() + " × " + k.pattern() + " (e.g. " + k.example() + ")");
        }
        r.notes().forEach(n -> line("Note", n));
        for (LoraProblem p : r.problems()) {
            line("Problem", p.message());
        }
        return out.toString();
    }

    private void kind() {
        String detail = r.moduleKinds().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().displayName())
                .collect(Collectors.joining(", "));
        line("Kind", r.kind().displayName() + (detail.isEmpty() ? " (no LoRA modules found)" : " (" + detail + ")"));
    }

    private void baseModel() {
        BaseModelReport b = r.baseModel();
        line("Base model", b.family() == null ? "unknown" : b.family().displayName());
        b.evidence().forEach(e -> line("", "- " + e));
        List<String> meta = new ArrayList<>();
        add(meta, "ss_base_model_version", b.baseModelVersion());
        add(meta, "modelspec.architecture", b.architecture());
        add(meta, "ss_sd_model_name", b.sdModelName());
        add(meta, "ss_new_sd_model_hash", b.newSdModelHash());
        add(meta, "ss_sd_model_hash", b.sdModelHash());
        meta.forEach(m -> line("", m));
    }

    private void rank() {
        RankAlpha ra = r.rankAlpha();
        String dim = ra.dim() != null ? ra.dim() + " (" + ra.dimSource() + ")"
                : ra.minRank() != null ? ra.minRank() + "–" + ra.maxRank() + " (tensors)" : "unknown";
        String alpha = ra.alpha() != null ? PythonText.str(ra.alpha()) + " (" + ra.alphaSource() + ")"
                : ra.minAlpha() != null ? PythonText.str(ra.minAlpha()) + "–" + PythonText.str(ra.maxAlpha())
                + " (tensors)" : "unknown";
        line("Dim / alpha", dim + " / " + alpha);
        if (ra.varies()) {
            line("", "modules have ranks " + ra.ranks() + " and alphas "
                    + ra.alphas().stream().map(PythonText::str).toList());
        }
    }

    private void modules() {
        ModuleCounts m = r.modules();
        ModuleCounts.Unet u = m.unet();
        List<String> parts = new ArrayList<>();
        if (u.total() > 0) {
            parts.add("U-Net " + u.total() + " (attention " + u.attention() + ", feed-forward " + u.feedForward()
                    + ", proj " + u.proj() + ", conv " + u.conv() + (u.other() > 0 ? ", other " + u.other() : "")
                    + ")");
        }
        if (m.textEncoder() > 0) {
            parts.add("text encoder " + m.textEncoder());
        }
        if (m.textEncoder1() > 0 || m.textEncoder2() > 0) {
            parts.add("text encoders " + m.textEncoder1() + " + " + m.textEncoder2() + " (lora_te1_ + lora_te2_)");
        }
        line("Modules", m.total() + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)));
    }

    private void training() {
        TrainingSummary t = r.training();
        List<String> lines = new ArrayList<>();
        add(lines, "output name", t.outputName());
        add(lines, "epoch", of(t.epoch(), t.epochs()));
        add(lines, "steps", of(t.steps(), t.maxTrainSteps()));
        add(lines, "learning rate", number(t.learningRate()));
        add(lines, "U-Net lr", number(t.unetLr()));
        add(lines, "text enc. lr", number(t.textEncoderLr()));
        add(lines, "optimizer", t.optimizer());
        add(lines, "scheduler", t.lrScheduler() == null ? null : t.lrScheduler()
                + (t.lrWarmupSteps() != null && t.lrWarmupSteps() > 0 ? ", " + t.lrWarmupSteps() + " warm-up steps" : ""));
        add(lines, "resolution", t.resolution());
        add(lines, "train images", t.trainImages() == null ? null : t.trainImages() + " (with repeats)");
        add(lines, "batch size", t.batchSize() == null ? null : t.batchSize().toString());
        add(lines, "seed", t.seed() == null ? null : t.seed().toString());
        add(lines, "clip skip", t.clipSkip() == null ? null : t.clipSkip().toString());
        add(lines, "precision", t.mixedPrecision());
        add(lines, "network", t.networkModule() == null ? null : t.networkModule()
                + (r.networkArgs().isEmpty() ? "" : " " + r.networkArgs()));
        add(lines, "noise offset", number(t.noiseOffset()));
        add(lines, "min SNR γ", number(t.minSnrGamma()));
        add(lines, "started", iso(t.trainingStartedAt()));
        add(lines, "finished", iso(t.trainingFinishedAt()));
        add(lines, "comment", t.trainingComment());
        if (!lines.isEmpty()) {
            line("Training", lines.get(0));
            lines.subList(1, lines.size()).forEach(l -> line("", l));
        }
    }

    private void dataset() {
        for (DatasetDir d : r.datasetDirs()) {
            line("Dataset", d.name() + ": " + (d.images() == null ? "?" : d.images()) + " images × "
                    + (d.repeats() == null ? "?" : d.repeats()) + " repeats");
        }
    }

    private void tags() {
        if (r.tags().isEmpty()) {
            return;
        }
        List<TrainedTag> top = r.tags().subList(0, Math.min(TOP_TAGS, r.tags().size()));
        int width = top.stream().mapToInt(t -> t.tag().length()).max().orElse(0);
        line("Tags", (top.size() < r.tags().size() ? "top " + top.size() + " of " : "") + r.tags().size()
                + " trained tags");
        for (TrainedTag t : top) {
            line("", String.format(Locale.ROOT, "%-" + width + "s  %d", t.tag(), t.count()));
        }
    }

    private void line(String label, String text) {
        out.append(label.isEmpty() ? INDENT : String.format(Locale.ROOT, "%-" + (INDENT.length() - 1) + "s ",
                label + ":")).append(text).append(System.lineSeparator());
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null) {
            lines.add(String.format(Locale.ROOT, "%-14s %s", label, value));
        }
    }

    private static String of(Integer value, Integer total) {
        return value == null ? null : value + (total == null ? "" : " of " + total);
    }

    private static String number(Double value) {
        return value == null ? null : PythonText.str(value);
    }

    /** Decimal units, as download pages show LoRA sizes. */
    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String iso(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
