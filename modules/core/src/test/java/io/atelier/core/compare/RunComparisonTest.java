package io.atelier.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.params.TrainingConfig;
import io.atelier.core.run.DatasetEntry;
import io.atelier.core.run.RunSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    static RunSpec spec(String model, int dim, String comment) {
        TrainingConfig c = TrainingConfig.of(Map.of("model_family", "sdxl", "network_dim", dim, "output_name",
                comment));
        return new RunSpec(UUID.randomUUID(), Path.of("/loras/a"), "sd-scripts", "abc", c, "xl v2", Path.of(
                "/models/" + model), "ab".repeat(32), List.of(new DatasetEntry("01.png", "11", "22")), Instant.now());
    }

    @Test
    void onlyWhatDiffersIsListedAndTheResultsFollow() {
        RunComparison c = new RunComparison(List.of(
                new RunComparison.Compared("a · pony", spec("ponyV6.safetensors", 16, "x"), "succeeded",
                        Map.of("loss/average (last)", 0.0912), 3),
                new RunComparison.Compared("a · illustrious", spec("illustriousXL.safetensors", 32, "x, \"quoted\""),
                        "failed", Map.of(), null)));
        assertThat(c.differences()).extracting(RunComparison.Row::name)
                .containsExactly("base model", "network_dim", "output_name");
        assertThat(c.differences().get(0).values()).containsExactly("ponyV6.safetensors", "illustriousXL.safetensors");
        assertThat(c.results()).extracting(RunComparison.Row::name)
                .containsExactly("state", "best epoch", "loss/average (last)");
        assertThat(c.results().get(2).values()).containsExactly("0.0912000", "");
        String csv = c.toCsv();
        assertThat(csv).startsWith("what,a · pony,a · illustrious\r\n")
                .contains("output_name,x,\"x, \"\"quoted\"\"\"\r\n");
        assertThat(c.toJson()).contains("\"network_dim\" : [ \"16\", \"32\" ]");
    }

    @Test
    void oneRunIsNotAComparison() {
        assertThatThrownBy(() -> new RunComparison(List.of(new RunComparison.Compared("a", spec("m", 1, ""), "x",
                Map.of(), null)))).hasMessageContaining("at least two");
    }
}
