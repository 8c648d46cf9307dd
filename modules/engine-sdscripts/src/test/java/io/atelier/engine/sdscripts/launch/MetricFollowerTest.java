package io.atelier.engine.sdscripts.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.RunEvent;
import io.atelier.engine.sdscripts.launch.StandInFixture.Recorder;
import io.atelier.engine.sdscripts.output.SdScriptsOutputParser;
import io.atelier.engine.sdscripts.tensorboard.EventFileWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricFollowerTest {

    @TempDir
    Path tmp;

    @Test
    void readsIncrementallyKeepsEpochStepsAndReportsAPersistentBadRecordOnce() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs/20260216093015/network_train"));
        Path file = dir.resolve("events.out.tfevents.1.host.1.0");
        Path old = Files.write(dir.resolve("events.out.tfevents.0.host.0.0"),
                EventFileWriter.frame(EventFileWriter.simpleScalarEvent("loss/current", 1, 0, 9f)));
        SdScriptsOutputParser.Course course = new SdScriptsOutputParser.Course();
        new SdScriptsOutputParser(false, course, e -> { })
                .accept("  total optimization steps / 学習ステップ数: 8\n");
        Recorder r = new Recorder();
        MetricFollower m = new MetricFollower(tmp.resolve("logs"), Set.of(old), new SegmentSteps(4, 2, course), r);

        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(EventFileWriter.frame(EventFileWriter.fileVersionEvent(1)));
        b.write(EventFileWriter.frame(EventFileWriter.simpleScalarEvent("loss/current", 1, 1, 0.25f)));
        byte[] avg = EventFileWriter.frame(EventFileWriter.simpleScalarEvent("loss/average", 1, 1, 0.5f));
        b.write(avg, 0, avg.length - 3); // the writer is mid-record
        Files.write(file, b.toByteArray());
        m.poll(false);
        assertThat(r.events).containsExactly(new RunEvent.Metric("loss/current", 5, 2, 0.25));
        assertThat(m.hasLoss()).isFalse();

        Files.write(file, new byte[] {avg[avg.length - 3], avg[avg.length - 2], avg[avg.length - 1]},
                StandardOpenOption.APPEND);
        byte[] bad = EventFileWriter.frame(EventFileWriter.simpleScalarEvent("lr/unet", 2, 1, 1e-4f));
        bad[bad.length - 1] ^= 0x55; // data CRC broken
        Files.write(file, bad, StandardOpenOption.APPEND);
        m.poll(false);
        assertThat(r.events).hasSize(2);
        assertThat(r.events.get(1)).isEqualTo(new RunEvent.Metric("loss/average", 5, 2, 0.5));
        assertThat(m.hasLoss()).isTrue();

        m.poll(false); // still bad on the next poll: persistent, reported once
        m.poll(true);
        assertThat(r.of(RunEvent.LogLine.class)).hasSize(1);
        assertThat(r.lines().get(0)).contains(file.toString(), "bad data CRC");

        Path second = dir.resolve("events.out.tfevents.2.host.1.0");
        Files.write(second, EventFileWriter.frame(EventFileWriter.simpleScalarEvent("loss/epoch_average", 2, 3, 0.3f)));
        m.poll(true);
        assertThat(r.of(RunEvent.Metric.class)).last().isEqualTo(new RunEvent.Metric("loss/epoch_average", 2, 2,
                (double) 0.3f));
    }
}
