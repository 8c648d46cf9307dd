package io.atelier.imaging.prepare;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.decode.TestImages;
import io.atelier.imaging.hash.ContentHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A project folder with generated images, imported the way DatasetImporter leaves them (a copy in .originals). */
final class DatasetFixture {

    final ProjectLayout layout;

    DatasetFixture(Path root) throws IOException {
        layout = new ProjectLayout(root);
        Files.createDirectories(layout.originals());
    }

    /** An imported image: the same bytes in dataset/ and dataset/.originals/, and its caption when not null. */
    Path image(String name, int width, int height, long seed, String caption) throws IOException {
        Path file = layout.dataset().resolve(name);
        String format = name.endsWith(".png") ? "png" : name.endsWith(".bmp") ? "bmp" : "jpeg";
        if (format.equals("jpeg")) {
            TestImages.writeJpeg(TestImages.noise(width, height, seed), false, file);
        } else {
            TestImages.write(TestImages.noise(width, height, seed), format, file);
        }
        Files.copy(file, layout.originals().resolve(name));
        if (caption != null) {
            caption(name, caption);
        }
        return file;
    }

    Path caption(String imageName, String text) throws IOException {
        Path caption = layout.dataset().resolve(imageName.substring(0, imageName.lastIndexOf('.')) + ".txt");
        return Files.writeString(caption, text, StandardCharsets.UTF_8);
    }

    /** Every file under the project (trash and scratch folders included), relative path to its content hash. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(layout.root())) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("lock"))
                    .forEach(p -> files.put(layout.root().relativize(p).toString(), hash(p)));
        }
        return files;
    }

    /** The files directly in dataset/ (what a trainer sees), name to content hash. */
    Map<String, String> dataset() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(layout.dataset())) {
            list.filter(Files::isRegularFile).forEach(p -> files.put(p.getFileName().toString(), hash(p)));
        }
        return files;
    }

    String read(String datasetFile) throws IOException {
        return Files.readString(layout.dataset().resolve(datasetFile), StandardCharsets.UTF_8);
    }

    private static String hash(Path p) {
        try {
            return ContentHash.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
