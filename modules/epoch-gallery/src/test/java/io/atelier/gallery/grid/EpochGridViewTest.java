package io.atelier.gallery.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.gallery.EpochGrid;
import io.atelier.core.gallery.Rating;
import io.atelier.core.gallery.SampleImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid at the size the brief names, 20 epochs × 10 prompts plus the base model row (210 cells): the model, the
 * navigation, lazy thumbnails with bad files drawn as such, and the event-thread time of a full repaint.
 */
class EpochGridViewTest {

    private static final UUID RUN = UUID.randomUUID();
    private static final String BASE = "v1-5-pruned-emaonly.safetensors";

    @TempDir
    static Path dir;
    static List<SampleImage> samples = new ArrayList<>();

    @BeforeAll
    static void images() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int epoch = 0; epoch <= 20; epoch++) {
            for (int p = 0; p < 10; p++) {
                Path file = dir.resolve(String.format("e%03d_p%02d.png", epoch, p));
                if (!(epoch == 5 && p == 5)) { // one file deleted since
                    BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    g.setColor(new Color(40 + epoch * 10, 20 + p * 20, 200));
                    g.fillRect(0, 0, 512, 512);
                    g.dispose();
                    ImageIO.write(img, "png", file.toFile());
                }
                if (epoch == 6 && p == 6) {
                    Files.writeString(file, "truncated");
                }
                if (epoch == 7 && p == 7) {
                    continue; // never generated
                }
                samples.add(new SampleImage(UUID.randomUUID(), RUN, file, SampleImage.Source.RUN, epoch,
                        epoch * 100L, p, "prompt " + p, "", 1234L, "euler_a", 7, 28, 512, 512, BASE, null, 1,
                        t.plusSeconds(epoch * 10L + p)));
            }
        }
    }

    private static GridContent content() {
        List<Integer> epochs = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            epochs.add(e);
        }
        EpochGrid grid = EpochGrid.of(samples, epochs, BASE, EpochGrid.Axis.PROMPT, 0);
        return GridContent.of(grid, 12, List.of(new Rating(RUN, 12, Rating.WHOLE_EPOCH, 5, "crisp"),
                new Rating(RUN, 12, 3, 4, null)));
    }

    @Test
    void theContentIndexesRowsColumnsBestAndRatings() {
        GridContent c = content();
        assertThat(c.rows()).isEqualTo(21);
        assertThat(c.columns()).isEqualTo(10);
        assertThat(c.epoch(0)).isZero();
        assertThat(c.isBest(c.rowOf(12))).isTrue();
        assertThat(c.rating(12, Rating.WHOLE_EPOCH).orElseThrow().note()).isEqualTo("crisp");
        assertThat(c.rating(12, 3).orElseThrow().stars()).isEqualTo(4);
        assertThat(c.cell(c.rowOf(7), 7)).isEmpty();
        assertThat(c.columnTitle(2)).isEqualTo("#2 prompt 2");
        assertThat(GridContent.rowLabel(0)).isEqualTo("base model");
    }

    @Test
    void arrowsMoveTheSelectionAndItIsPublishedForTheGuiTest() throws Exception {
        EpochGridView view = onEdt(() -> {
            EpochGridView v = new EpochGridView();
            v.setContent(content());
            v.moveSelection(0, 1);
            v.moveSelection(1, 0);
            v.moveSelection(1, 0);
            return v;
        });
        assertThat(view.getClientProperty("selection")).isEqualTo(new java.awt.Point(1, 2));
        assertThat(onEdt(() -> view.selectedImage().orElseThrow().epoch())).isEqualTo(2);
        onEdt(() -> {
            view.toggleMark();
            view.moveSelection(0, 1);
            return null;
        });
        assertThat(onEdt(() -> view.markedImage().orElseThrow().promptIndex())).isEqualTo(1);
    }

    @Test
    void aFullRepaintOf210CellsStaysWellInsideAFrame() throws Exception {
        EpochGridView view = onEdt(() -> {
            EpochGridView v = new EpochGridView();
            v.setContent(content());
            v.setSize(v.getPreferredSize());
            return v;
        });
        Rectangle all = onEdt(() -> new Rectangle(view.getPreferredSize()));
        BufferedImage canvas = new BufferedImage(all.width, all.height, BufferedImage.TYPE_INT_RGB);
        paint(view, canvas, all); // asks for every thumbnail
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (onEdt(view::loadedThumbnails) < 209 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(onEdt(view::loadedThumbnails)).as("thumbnails loaded").isEqualTo(209);

        double fullMs = medianPaintMs(view, canvas, all);
        Rectangle window = new Rectangle(0, 0, 1280, 800); // what a maximised window shows: about 40 cells
        double windowMs = medianPaintMs(view, canvas, window);
        System.out.printf("Gallery grid: repaint of all 210 cells (%d×%d px) median %.2f ms; of a 1280×800 view "
                + "median %.2f ms%n", all.width, all.height, fullMs, windowMs);
        // generous bounds for a loaded 2-core build machine; typical values are a quarter of these
        assertThat(windowMs).as("median repaint of a window's worth of cells, ms").isLessThan(16);
        assertThat(fullMs).as("median repaint of all 210 cells, ms").isLessThan(50);

        GridGeometry g = view.geometry();
        Rectangle ok = g.cellBounds(3, 4);
        assertThat(new Color(canvas.getRGB(ok.x + ok.width / 2, ok.y + ok.height / 2)))
                .isEqualTo(new Color(40 + 30, 20 + 80, 200)); // the thumbnail itself
        Rectangle missing = g.cellBounds(5, 5);
        assertThat(canvas.getRGB(missing.x + 3, missing.y + 3)).isEqualTo(new Color(0x6E6E6E).getRGB());
        Rectangle unreadable = g.cellBounds(6, 6);
        assertThat(canvas.getRGB(unreadable.x + 3, unreadable.y + 3)).isEqualTo(new Color(0x6E6E6E).getRGB());
        Rectangle none = g.cellBounds(7, 7);
        assertThat(canvas.getRGB(none.x + 3, none.y + 3)).isEqualTo(new Color(0xF2F2F2).getRGB());
    }

    private static double medianPaintMs(EpochGridView view, BufferedImage canvas, Rectangle area)
            throws Exception {
        long[] times = new long[40];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            paint(view, canvas, area);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[times.length / 2] / 1e6;
    }

    private static void paint(EpochGridView view, BufferedImage canvas, Rectangle area) throws Exception {
        onEdt(() -> {
            Graphics2D g = canvas.createGraphics();
            g.setClip(area);
            view.paintGrid(g, area, area);
            g.dispose();
            return null;
        });
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }
}
