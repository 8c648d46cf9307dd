package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import io.atelier.imaging.hash.ContentHash;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input "an interrupted prepare (kill the process halfway)": a real {@code atelier dataset prepare}
 * process is killed with SIGKILL while it renders; the rerun must leave the dataset exactly as an uninterrupted run
 * does. (Crashes at every single move of the commit phase are covered by the imaging module's
 * InterruptedPrepareTest.)
 */
class KilledPrepareTest {

    private static final int IMAGES = 24;

    @TempDir
    Path tmp;

    @Test
    void aKilledPrepareIsFinishedByTheRerunWithNothingLostOrTwice() throws Exception {
        Path killed = project("killed");
        Path reference = project("reference");
        assertThat(CliRun.run(tmp.resolve("home"), "dataset", "prepare", reference.toString(), "--long-side", "512")
                .exitCode()).isZero();

        Process process = new ProcessBuilder(javaCommand(killed)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        Path staging = killed.resolve("dataset/.prepare/staging");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && count(staging) < IMAGES / 4 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(process.isAlive()).as("the prepare was still running when killed; log: %s",
                Files.readString(tmp.resolve("killed.log"))).isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(count(staging)).isBetween((long) IMAGES / 4, (long) IMAGES - 1);

        CliRun rerun = CliRun.run(tmp.resolve("home"), "dataset", "prepare", killed.toString(), "--long-side", "512");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("Prepared " + IMAGES + " images");
        assertThat(snapshot(killed)).isEqualTo(snapshot(reference));
    }

    /** The same imported dataset in two projects: images with captions, originals beside them. */
    private Path project(String name) throws IOException {
        Path root = ProjectFolders.create(tmp.resolve(name),
                LoraProject.create("Kill " + name, "k" + name, LoraKind.STYLE, BaseModelFamily.SD15)).root();
        Path dataset = root.resolve("dataset");
        Path originals = Files.createDirectories(dataset.resolve(".originals"));
        for (int i = 0; i < IMAGES; i++) {
            Path image = dataset.resolve("shot " + (i + 1) + ".png");
            Path cached = tmp.resolve("cache/" + image.getFileName());
            if (!Files.exists(cached)) {
                Files.createDirectories(cached.getParent());
                TestPictures.png(TestPictures.picture(i, 900, 600), cached);
            }
            Files.copy(cached, image);
            Files.copy(cached, originals.resolve(image.getFileName()));
            Files.writeString(dataset.resolve("shot " + (i + 1) + ".txt"), "k" + name + ", picture " + i);
        }
        return root;
    }

    private List<String> javaCommand(Path project) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                "io.atelier.cli.AtelierCommand", "--home", tmp.resolve("home").toString(), "dataset", "prepare",
                project.toString(), "--long-side", "512"));
        return command;
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png")
                    && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    /** Every file of the dataset, relative path to content; captions compared by text minus the project's name. */
    private static Map<String, String> snapshot(Path project) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path dataset = project.resolve("dataset");
        try (Stream<Path> walk = Files.walk(dataset)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = dataset.relativize(p).toString();
                if (rel.equals(".prepare/journal.json") || rel.equals(".prepare/lock")) {
                    return;
                }
                try {
                    files.put(rel, rel.endsWith(".txt")
                            ? Files.readString(p).replaceFirst("^k(killed|reference)", "k")
                            : ContentHash.of(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(project.resolve(".trash")).doesNotExist();
        return files;
    }
}
