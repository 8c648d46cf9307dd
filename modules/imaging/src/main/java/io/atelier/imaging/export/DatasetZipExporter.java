package io.atelier.imaging.export;

import io.atelier.core.io.AtomicFiles;
import io.atelier.core.project.ProjectLayout;
import io.atelier.core.project.ProjectStats;
import io.atelier.imaging.report.DatasetReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the dataset's images and their {@code .txt} captions, flat, into one zip: the layout Civitai's trainer and
 * most online trainers take. Images are stored (they are compressed already), captions deflated. The archive is
 * written to a temp file and moved into place, so a failed or cancelled export never leaves half a zip.
 */
public final class DatasetZipExporter {

    /** @throws IOException naming the file that failed; {@code out} is then left as it was */
    public ExportResult export(ProjectLayout layout, Path out, BooleanSupplier cancelled) throws IOException {
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(layout.dataset())) {
            throw new IOException(out + " is inside the dataset folder; choose a place outside it");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(out + " is a folder; give the zip file's name");
        }
        List<Path> images = DatasetReport.imageFiles(layout);
        if (images.isEmpty()) {
            throw new IOException(layout.dataset() + " has no images to export");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        int captions = 0;
        List<String> uncaptioned = new ArrayList<>();
        try {
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Path image : images) {
                    if (stop.getAsBoolean()) {
                        throw new IOException("export cancelled; " + out + " was not written");
                    }
                    stored(zip, image);
                    Path caption = ProjectStats.captionOf(image);
                    if (Files.isRegularFile(caption)) {
                        deflated(zip, caption);
                        captions++;
                    } else {
                        uncaptioned.add(image.getFileName().toString());
                    }
                }
            }
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ExportResult(target, images.size(), captions, uncaptioned, Files.size(target));
    }

    private static void stored(ZipOutputStream zip, Path file) throws IOException {
        byte[] bytes = read(file);
        ZipEntry entry = new ZipEntry(file.getFileName().toString());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, Path file) throws IOException {
        ZipEntry entry = new ZipEntry(file.getFileName().toString());
        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
        zip.putNextEntry(entry);
        zip.write(read(file));
        zip.closeEntry();
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
