package io.atelier.imaging.decode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;

/**
 * Makes the TwelveMonkeys readers (JPEG CMYK/YCCK, WebP, TIFF) visible to {@link ImageIO}.
 * <p>
 * {@code ImageIO.scanForPlugins()} looks through the thread context class loader, which inside a NetBeans
 * module is the system loader and cannot see this module's libraries; so we load the providers through our
 * own class loader and register them explicitly. On a plain class path (CLI, tests) this is a harmless no-op.
 */
public final class ImageFormats {

    private ImageFormats() {
    }

    /** Registers the plug-ins once; cheap and thread-safe to call before every ImageIO use. */
    public static void ensureRegistered() {
        // Class initialisation is run exactly once, under the JVM's lock: the holder idiom gives us "once, thread-safe".
        Registration.DONE.hashCode();
    }

    /** Names (lower case) of the formats some registered reader handles, e.g. to check "webp" is present. */
    public static List<String> readerFormatNames() {
        ensureRegistered();
        List<String> names = new ArrayList<>();
        for (String name : ImageIO.getReaderFormatNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!names.contains(lower)) {
                names.add(lower);
            }
        }
        return names;
    }

    /** The reader ImageIO picks first for a format name, i.e. the one {@link ImageDecoder} would use. */
    public static ImageReader preferredReader(String formatName) {
        ensureRegistered();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) {
            throw new IllegalArgumentException("no image reader for format " + formatName);
        }
        return readers.next();
    }

    private static final class Registration {
        static final Boolean DONE = register();

        private static Boolean register() {
            IIORegistry registry = IIORegistry.getDefaultInstance();
            ClassLoader loader = ImageFormats.class.getClassLoader();
            for (ImageReaderSpi spi : ServiceLoader.load(ImageReaderSpi.class, loader)) {
                // Skip providers already registered (plain class path); re-registering would only churn the ordering.
                if (registry.getServiceProviderByClass(spi.getClass()) == null) {
                    registry.registerServiceProvider(spi, ImageReaderSpi.class);
                }
            }
            // Writers too, so TIFF/JPEG writing from inside the IDE sees the same plug-ins as reading.
            for (ImageWriterSpi spi : ServiceLoader.load(ImageWriterSpi.class, loader)) {
                if (registry.getServiceProviderByClass(spi.getClass()) == null) {
                    registry.registerServiceProvider(spi, ImageWriterSpi.class);
                }
            }
            return Boolean.TRUE;
        }
    }
}
