package io.atelier.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PickleFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"model.ckpt", "model.pt", "model.pth", "pytorch_model.bin", "x.pkl", "x.pickle",
        "v1-5-pruned.CKPT", "dir/sub/Model.Pt"})
    void recognisesPickleExtensionsInAnyCase(String name) {
        assertThat(PickleFormats.isPickle(Path.of(name))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "model.gguf", "ckpt", "model", "model.ckpt.safetensors",
        "model.bin.txt", "notes.ptx"})
    void leavesOtherFilesAlone(String name) {
        assertThat(PickleFormats.isPickle(Path.of(name))).isFalse();
    }

    @Test
    void explainsTheRefusal() {
        assertThat(PickleFormats.refusal(Path.of("model.ckpt"))).isEqualTo("model.ckpt is a pickle-based checkpoint "
                + "(.ckpt). LoRA Atelier loads only .safetensors files, because pickle files can run arbitrary code "
                + "when loaded. Convert it to .safetensors first.");
    }

    @Test
    void namesTheExtensionInLowerCase() {
        assertThat(PickleFormats.refusal(Path.of("models", "Anything.PTH")))
                .startsWith(Path.of("models", "Anything.PTH") + " is a pickle-based checkpoint (.pth).");
    }

    @Test
    void refusesToExplainANonPickleFile() {
        assertThatThrownBy(() -> PickleFormats.refusal(Path.of("model.safetensors")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.safetensors");
    }
}
