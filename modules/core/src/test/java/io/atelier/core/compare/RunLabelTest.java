package io.atelier.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunLabelTest {

    @Test
    void namesProjectBaseModelAndShortId() {
        UUID id = UUID.fromString("0123abcd-0000-0000-0000-000000000000");
        assertThat(RunLabel.of(Path.of("/loras/ink-style"), Path.of("/models/ponyDiffusionV6XL.safetensors"), id))
                .isEqualTo("ink-style \u00b7 ponyDiffusionV6XL \u00b7 0123abcd");
    }

    @Test
    void keepsNamesWithoutExtensionAndDotFiles() {
        UUID id = UUID.randomUUID();
        assertThat(RunLabel.of(Path.of("p"), Path.of("model"), id)).isEqualTo("p \u00b7 model \u00b7 "
                + RunLabel.shortId(id));
        assertThat(RunLabel.of(Path.of("p"), Path.of(".hidden"), id)).contains("\u00b7 .hidden \u00b7");
    }
}
