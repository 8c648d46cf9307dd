package io.atelier.dataset.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The thumbnail queue, with both threads simulated: worker steps and deliveries run when the test says so, which makes
 * the order of loading observable.
 */
class ThumbnailLoaderTest {

    private final Deque<Runnable> workerQueue = new ArrayDeque<>();
    private final Executor workers = workerQueue::add;
    private final Executor edt = Runnable::run;
    private final List<String> decoded = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    private ThumbnailLoader loader(long memory, int side) {
        return new ThumbnailLoader(this::decode, workers, edt, memory, side, i -> delivered.add(i.name()));
    }

    private BufferedImage decode(Path file) throws IOException {
        decoded.add(file.getFileName().toString());
        if (file.getFileName().toString().startsWith("bad")) {
            throw new IOException(file + ": not a recognised image");
        }
        return new BufferedImage(256, 128, BufferedImage.TYPE_INT_RGB);
    }

    private static DatasetImage image(String name) {
        return new DatasetImage(Path.of("/p/dataset", name), 100, 1);
    }

    private void runWorkers() {
        while (!workerQueue.isEmpty()) {
            workerQueue.poll().run();
        }
    }

    @Test
    void loadsNewestRequestsFirstAndScalesToTheCellSize() {
        ThumbnailLoader loader = loader(1 << 24, 128);
        loader.request(image("01.png"));
        loader.request(image("02.png"));
        loader.request(image("03.png"));
        runWorkers();
        assertThat(decoded).containsExactly("03.png", "02.png", "01.png");
        assertThat(delivered).containsExactly("03.png", "02.png", "01.png");
        ThumbnailLoader.Entry e = loader.peek(image("01.png"));
        assertThat(e.longSide()).isEqualTo(128);
        assertThat(e.image().getWidth()).isEqualTo(128);
        assertThat(e.image().getHeight()).isEqualTo(64);
        assertThat(loader.loadedCount()).isEqualTo(3);
    }

    @Test
    void askingAgainMovesARequestToTheFrontWithoutLoadingTwice() {
        ThumbnailLoader loader = loader(1 << 24, 128);
        loader.request(image("01.png"));
        loader.request(image("02.png"));
        loader.request(image("01.png"));
        runWorkers();
        assertThat(decoded).containsExactly("01.png", "02.png");
    }

    @Test
    void aLoadedThumbnailIsNotRequestedAgainAtTheSameSize() {
        ThumbnailLoader loader = loader(1 << 24, 128);
        loader.request(image("01.png"));
        runWorkers();
        loader.request(image("01.png"));
        runWorkers();
        assertThat(decoded).containsExactly("01.png");
    }

    @Test
    void requestsForCellsScrolledOutOfViewAreDropped() {
        ThumbnailLoader loader = loader(1 << 24, 128);
        for (int i = 1; i <= 5; i++) {
            loader.request(image("0" + i + ".png"));
        }
        loader.retainOnly(Set.of(image("02.png"), image("04.png")));
        assertThat(loader.pendingCount()).isEqualTo(2);
        runWorkers();
        assertThat(decoded).containsExactly("04.png", "02.png");
    }

    @Test
    void anUnreadableFileIsRememberedNotRetriedOnEveryPaint() {
        ThumbnailLoader loader = loader(1 << 24, 128);
        loader.request(image("bad.png"));
        runWorkers();
        assertThat(loader.failure(image("bad.png"))).contains("not a recognised image");
        assertThat(delivered).containsExactly("bad.png");
        loader.request(image("bad.png"));
        runWorkers();
        assertThat(decoded).containsExactly("bad.png");
        // edited since: a new identity, tried again
        DatasetImage edited = new DatasetImage(Path.of("/p/dataset/bad.png"), 200, 2);
        loader.request(edited);
        runWorkers();
        assertThat(decoded).containsExactly("bad.png", "bad.png");
    }

    @Test
    void aNewCellSizeReloadsAsCellsAskButKeepsTheOldPictureMeanwhile() {
        ThumbnailLoader loader = loader(1 << 24, 128);
        loader.request(image("01.png"));
        runWorkers();
        loader.setLongSide(200);
        assertThat(loader.peek(image("01.png")).longSide()).isEqualTo(128);
        loader.request(image("01.png"));
        runWorkers();
        assertThat(decoded).containsExactly("01.png", "01.png");
        assertThat(loader.peek(image("01.png")).longSide()).isEqualTo(200);
        assertThat(loader.peek(image("01.png")).image().getWidth()).isEqualTo(200);
    }

    @Test
    void memoryIsBoundedSoOldThumbnailsAreLoadedAgainWhenSeenAgain() {
        long oneThumb = 4L * 128 * 64;
        ThumbnailLoader loader = loader(2 * oneThumb, 128);
        for (String n : List.of("01.png", "02.png", "03.png")) {
            loader.request(image(n));
            runWorkers();
        }
        assertThat(loader.peek(image("01.png"))).isNull();
        assertThat(loader.peek(image("03.png"))).isNotNull();
        loader.request(image("01.png"));
        runWorkers();
        assertThat(decoded).containsExactly("01.png", "02.png", "03.png", "01.png");
    }

    @Test
    void aRequestBeingLoadedIsNotQueuedTwice() {
        List<Runnable> deliveries = new ArrayList<>();
        ThumbnailLoader loader = new ThumbnailLoader(this::decode, workers, deliveries::add, 1 << 24, 128, i -> { });
        loader.request(image("01.png"));
        runWorkers();                        // decoded, delivery not yet run on the "event thread"
        loader.request(image("01.png"));     // still in flight
        runWorkers();
        assertThat(decoded).containsExactly("01.png");
        deliveries.forEach(Runnable::run);
        assertThat(loader.peek(image("01.png"))).isNotNull();
        assertThat(loader.pendingCount()).isZero();
    }
}
