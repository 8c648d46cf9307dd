package io.atelier.imaging.decode;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A file whose header has been read and accepted by {@link ImageProbe}, with its reader still positioned on it,
 * so {@link ImageDecoder} decodes from the same stream instead of parsing the header twice.
 */
final class OpenedImage implements AutoCloseable {

    private final Path file;
    private final ImageInputStream stream;
    private final ImageReader reader;
    private final ImageInfo info;

    OpenedImage(Path file, ImageInputStream stream, ImageReader reader, ImageInfo info) {
        this.file = file;
        this.stream = stream;
        this.reader = reader;
        this.info = info;
    }

    Path file() {
        return file;
    }

    ImageReader reader() {
        return reader;
    }

    ImageInfo info() {
        return info;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.dispose();
        } finally {
            stream.close();
        }
    }
}
