package io.atelier.dataset.ui.grid;

import io.atelier.core.project.ProjectLayout;
import io.atelier.imaging.thumbnail.ThumbnailCache;
import java.awt.AWTEvent;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Is the grid smooth with 2,000 images? Generates 2,000 JPEGs (three aspect ratios, each different so the
 * content-keyed cache cannot share thumbnails), shows them in the real grid with the real thumbnail cache, and scrolls
 * from top to bottom at 60 steps a second, twice: cold (every thumbnail decoded from its JPEG) and warm (thumbnails
 * from the disk cache, as when the window is opened again). Reports, per run, the time the event thread spent on each
 * scroll step (Swing's blit plus the cells that came into view) and on every event it handled meanwhile (thumbnail
 * deliveries and their repaints included), then the cost of repainting the whole view (a filter change, a resize) on
 * screen and into memory, as median / 95th percentile / maximum.
 * <p>
 * Needs a display (run under {@code xvfb-run}); not part of the build:
 * <pre>
 * xvfb-run -a java -cp "modules/dataset/target/test-classes:modules/dataset/target/classes:modules/cli/target/atelier/lib/*" \
 *     io.atelier.dataset.ui.grid.GridScrollBenchmark [images]
 * </pre>
 */
public final class GridScrollBenchmark {

    private static final int STEP_PX = 60;
    private static final long FRAME_MS = 16;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path root = Files.createTempDirectory("grid-bench");
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.dataset());
        long t0 = System.nanoTime();
        generate(layout.dataset(), count);
        System.out.printf(Locale.ROOT, "generated %d JPEGs in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        List<DatasetImage> images = DatasetListing.list(layout);
        ThumbnailCache cache = new ThumbnailCache(root.resolve("thumbnail-cache"));
        EdtTimer timer = new EdtTimer();
        Toolkit.getDefaultToolkit().getSystemEventQueue().push(timer);
        run("cold (decoding every JPEG)", images, cache, timer);
        run("warm (thumbnails from the disk cache)", images, new ThumbnailCache(root.resolve("thumbnail-cache")), timer);
        System.exit(0);
    }

    private static void run(String name, List<DatasetImage> images, ThumbnailCache cache, EdtTimer timer)
            throws Exception {
        // as many workers as the Dataset window uses: one core stays free for the event thread
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));
        AtomicReference<ThumbnailGrid> gridRef = new AtomicReference<>();
        ThumbnailLoader loader = new ThumbnailLoader(cache::thumbnail, workers, SwingUtilities::invokeLater,
                96L * 1024 * 1024, 120, image -> gridRef.get().thumbnailArrived(image));
        AtomicReference<JFrame> frame = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            GridModel model = new GridModel();
            ThumbnailGrid grid = new ThumbnailGrid(model, loader, 120);
            gridRef.set(grid);
            model.setImages(images);
            JFrame f = new JFrame("grid benchmark");
            f.add(new JScrollPane(grid));
            f.setBounds(0, 0, 1000, 760);
            f.setVisible(true);
            frame.set(f);
        });
        Thread.sleep(500);
        ThumbnailGrid grid = gridRef.get();
        JViewport viewport = (JViewport) grid.getParent();
        int height = grid.getPreferredSize().height;
        timer.reset();
        List<Double> steps = new ArrayList<>();
        long start = System.nanoTime();
        for (int y = 0; y + viewport.getHeight() < height; y += STEP_PX) {
            int target = y;
            long frameStart = System.nanoTime();
            SwingUtilities.invokeAndWait(() -> {
                long s = System.nanoTime();
                viewport.setViewPosition(new Point(0, target));   // blits, paints the strip that came into view
                steps.add((System.nanoTime() - s) / 1e6);
            });
            long left = FRAME_MS - (System.nanoTime() - frameStart) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left);
            }
        }
        double scrollSeconds = (System.nanoTime() - start) / 1e9;
        int loadedWhileScrolling = loader.loadedCount();
        long settle = System.nanoTime();
        while (loader.pendingCount() > 0) {
            Thread.sleep(5);
        }
        double settleMs = (System.nanoTime() - settle) / 1e6;
        List<Double> events = timer.snapshot();

        // the whole view painted again (a filter change, a resize): on screen, and into memory
        List<Double> full = new ArrayList<>();
        List<Double> offscreen = new ArrayList<>();
        BufferedImage buffer = new BufferedImage(viewport.getWidth(), viewport.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 60; i++) {
            int target = (int) ((long) i * (height - viewport.getHeight()) / 60);
            SwingUtilities.invokeAndWait(() -> {
                viewport.setViewPosition(new Point(0, target));
                Rectangle r = viewport.getViewRect();
                long s = System.nanoTime();
                grid.paintImmediately(r);
                full.add((System.nanoTime() - s) / 1e6);
                Graphics2D g = buffer.createGraphics();
                g.translate(-r.x, -r.y);
                g.setClip(r);
                long o = System.nanoTime();
                grid.paint(g);
                offscreen.add((System.nanoTime() - o) / 1e6);
                g.dispose();
            });
        }
        System.out.printf(Locale.ROOT, "%s: %d images, %d scroll steps of %d px in %.1f s, %d cells in view%n", name,
                images.size(), steps.size(), STEP_PX, scrollSeconds,
                grid.getLastVisibleIndex() - grid.getFirstVisibleIndex() + 1);
        System.out.printf(Locale.ROOT, "  scroll step (blit + newly exposed cells):   %s%n", stats(steps));
        System.out.printf(Locale.ROOT, "  every EDT event while scrolling (%d):     %s%n", events.size(), stats(events));
        System.out.printf(Locale.ROOT, "  whole view repainted, on screen:          %s%n", stats(full));
        System.out.printf(Locale.ROOT, "  whole view painted into memory:           %s%n", stats(offscreen));
        System.out.printf(Locale.ROOT, "  thumbnails loaded while scrolling: %d; the last visible ones %.0f ms after "
                + "stopping%n", loadedWhileScrolling, settleMs);
        SwingUtilities.invokeAndWait(() -> frame.get().dispose());
        workers.shutdown();
    }

    private static String stats(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, max %.2f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1));
    }

    private static void generate(Path dir, int count) throws Exception {
        int[][] sizes = {{1024, 1024}, {832, 1216}, {1216, 832}};
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            int[] s = sizes[i % sizes.length];
            BufferedImage img = new BufferedImage(s[0], s[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), s[0], s[1],
                    new Color(random.nextInt(0xFFFFFF))));
            g.fillRect(0, 0, s[0], s[1]);
            for (int k = 0; k < 12; k++) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                int d = 40 + random.nextInt(300);
                g.fillOval(random.nextInt(s[0]), random.nextInt(s[1]), d, d);
            }
            g.dispose();
            ImageIO.write(img, "jpg", dir.resolve(String.format(Locale.ROOT, "img-%05d.jpg", i)).toFile());
        }
    }

    /** Times every event the event thread dispatches. */
    private static final class EdtTimer extends EventQueue {
        private final List<Double> times = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void dispatchEvent(AWTEvent event) {
            long s = System.nanoTime();
            super.dispatchEvent(event);
            times.add((System.nanoTime() - s) / 1e6);
        }

        void reset() {
            times.clear();
        }

        List<Double> snapshot() {
            synchronized (times) {
                return new ArrayList<>(times);
            }
        }
    }
}
