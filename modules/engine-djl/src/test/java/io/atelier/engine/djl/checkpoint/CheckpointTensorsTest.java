package io.atelier.engine.djl.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.atelier.testfixtures.sd15.TestSafetensors;
import io.atelier.testfixtures.sd15.TestSafetensors.Dtype;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint tensors reach DJL as F32 arrays with their declared shapes, whatever dtype the file stores. */
class CheckpointTensorsTest {

    @TempDir
    Path dir;

    @Test
    void readsEachTensorByNameAsF32WithItsShape() throws Exception {
        Path file = dir.resolve("t.safetensors");
        new TestSafetensors()
                .put("a.f32", Dtype.F32, new long[]{2, 2}, new float[]{1, 2, 3, 4})
                .put("b.f16", Dtype.F16, new long[]{3}, new float[]{1.5f, -2.25f, 65504f})
                .put("c.bf16", Dtype.BF16, new long[]{1, 2}, new float[]{1.5f, -3f})
                .put("d.ids", Dtype.I64, new long[]{2}, new float[]{0, 1})
                .metadata("format", "pt")
                .write(file);
        try (CheckpointTensors tensors = CheckpointTensors.open(file); NDManager m = NDManager.newBaseManager()) {
            assertThat(tensors.names()).containsExactly("a.f32", "b.f16", "c.bf16", "d.ids");
            assertThat(tensors.header().metadata()).containsEntry("format", "pt");
            assertThat(tensors.readFloats("b.f16")).containsExactly(1.5f, -2.25f, 65504f);
            NDArray c = tensors.load("c.bf16", m);
            assertThat(c.getDataType()).isEqualTo(DataType.FLOAT32); // never a BF16 array
            assertThat(c.getShape()).isEqualTo(new Shape(1, 2));
            assertThat(c.toFloatArray()).containsExactly(1.5f, -3f);
            assertThat(tensors.load("a.f32", m).toFloatArray()).containsExactly(1, 2, 3, 4);
            assertThat(tensors.shape("nope")).isNull();
            assertThatThrownBy(() -> tensors.readFloats("nope")).hasMessageContaining("has no tensor 'nope'");
        }
    }
}
