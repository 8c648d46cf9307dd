package io.atelier.application;

import junit.framework.Test;
import org.junit.jupiter.api.Assertions;
import org.netbeans.junit.NbTestCase;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * Boots the assembled application headless and fails on any warning or logged exception: a missing module
 * dependency, a bad manifest, a module missing from the cluster, or a store that logs a problem at start.
 */
public class BootTest extends NbTestCase {

    public BootTest(String name) {
        super(name);
    }

    public static Test suite() {
        return NbSuites.appSuite(BootTest.class, false);
    }

    public void testOurModulesAreEnabled() {
        for (String cnb : new String[]{"io.atelier.core", "io.atelier.store", "io.atelier.imaging", "io.atelier.project",
                "io.atelier.dataset", "io.atelier.branding"}) {
            boolean enabled = Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                    .anyMatch(m -> m.getCodeNameBase().equals(cnb) && m.isEnabled());
            Assertions.assertTrue(enabled, cnb + " is not enabled in the assembled application");
        }
    }

    /**
     * Both training engines are found through Lookup inside the module system, and the built-in one loads PyTorch's
     * natives from its own module's jars (not from the class path a plain JVM would have).
     */
    public void testTrainingEnginesAreRegisteredAndPyTorchLoadsInsideTheModuleSystem() {
        java.util.Map<String, io.atelier.core.run.TrainingEngine> engines = new java.util.TreeMap<>();
        Lookup.getDefault().lookupAll(io.atelier.core.run.TrainingEngine.class).forEach(e -> engines.put(e.id(), e));
        String modules = Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .filter(m -> m.getCodeNameBase().startsWith("io.atelier"))
                .map(m -> m.getCodeNameBase() + (m.isEnabled() ? "+" : "-")).sorted()
                .collect(java.util.stream.Collectors.joining(" "));
        Assertions.assertEquals(java.util.List.of("builtin", "sd-scripts"), java.util.List.copyOf(engines.keySet()),
                "modules: " + modules + "; TrainingEngine loaded by "
                        + io.atelier.core.run.TrainingEngine.class.getClassLoader());
        io.atelier.core.run.EngineAvailability builtin = engines.get("builtin")
                .availability(io.atelier.core.run.EngineSettings.NONE);
        Assertions.assertTrue(builtin.message().startsWith("PyTorch 2.7.1 on "), builtin.message());
    }

    /**
     * Both gallery samplers are found through Lookup inside the module system; the ComfyUI one says a server that
     * does not answer is not there (nothing listens on port 9 here), rather than failing.
     */
    public void testGallerySamplersAreRegistered() {
        java.util.Map<String, io.atelier.core.sampling.ImageSampler> samplers = new java.util.TreeMap<>();
        Lookup.getDefault().lookupAll(io.atelier.core.sampling.ImageSampler.class)
                .forEach(s -> samplers.put(s.id(), s));
        Assertions.assertEquals(java.util.List.of("builtin", "comfyui"), java.util.List.copyOf(samplers.keySet()));
        java.util.Optional<String> down = samplers.get("comfyui").unavailable(io.atelier.core.run.EngineSettings.NONE
                .with("url", "http://127.0.0.1:9"));
        Assertions.assertTrue(down.isPresent() && down.get().contains("127.0.0.1:9"), String.valueOf(down));
    }

    /**
     * The imaging module registers the TwelveMonkeys readers with its own class loader (ImageIO's own plug-in scan
     * cannot see module libraries): WebP decodes, and the TwelveMonkeys JPEG reader (CMYK, YCCK) comes first.
     */
    public void testTwelveMonkeysReadersWorkInsideTheModuleSystem() throws Exception {
        String loader = io.atelier.imaging.decode.ImageFormats.class.getClassLoader().getClass().getName();
        Assertions.assertTrue(loader.startsWith("org.netbeans"), "imaging loaded outside the module system by " + loader);
        java.util.List<String> formats = io.atelier.imaging.decode.ImageFormats.readerFormatNames();
        Assertions.assertTrue(formats.containsAll(java.util.List.of("webp", "tiff", "jpeg", "png")),
                "reader formats inside the app: " + formats);
        javax.imageio.ImageReader jpeg = io.atelier.imaging.decode.ImageFormats.preferredReader("jpeg");
        try {
            Assertions.assertTrue(jpeg.getClass().getName().startsWith("com.twelvemonkeys."),
                    "JPEG is read by " + jpeg.getClass().getName());
        } finally {
            jpeg.dispose();
        }
        // a 1x1 lossy WebP (VP8): only TwelveMonkeys reads WebP
        java.nio.file.Path webp = java.nio.file.Files.createTempFile(getWorkDir().toPath(), "pixel", ".webp");
        java.nio.file.Files.write(webp, java.util.Base64.getDecoder().decode(
                "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA"));
        java.awt.image.BufferedImage decoded = new io.atelier.imaging.decode.ImageDecoder().decode(webp);
        Assertions.assertEquals(1, decoded.getWidth());
        Assertions.assertEquals(1, decoded.getHeight());
        Assertions.assertEquals("webp", new io.atelier.imaging.decode.ImageProbe().probe(webp).format());
    }

    public void testStoreOpensInsideTheModuleSystem() throws Exception {
        // Flyway and H2 inside a NetBeans module class loader: migrations found, no warnings logged
        String loader = io.atelier.store.Store.class.getClassLoader().getClass().getName();
        Assertions.assertTrue(loader.startsWith("org.netbeans"), "store loaded outside the module system by " + loader);
        io.atelier.store.Store store = io.atelier.store.Store.open(io.atelier.store.StoreLocation.resolve(
                System.getProperty("atelier.home")));
        try {
            Assertions.assertNotNull(store.projects().list());
        } finally {
            store.close();
        }
    }
}
