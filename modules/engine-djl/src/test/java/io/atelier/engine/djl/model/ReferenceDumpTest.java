package io.atelier.engine.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.atelier.testfixtures.sd15.TestCheckpoints;
import io.atelier.testfixtures.sd15.TestSafetensors;
import io.atelier.testfixtures.sd15.TestSafetensors.Dtype;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the tiny checkpoint, inputs and this engine's outputs for {@code src/test/python/sd15_reference.py}, the
 * independent numpy reference. Runs only with {@code -Datelier.referenceDump=<folder>}.
 */
class ReferenceDumpTest {

    @Test
    @EnabledIfSystemProperty(named = "atelier.referenceDump", matches = ".+")
    void dumpsInputsAndOutputsForTheNumpyReference() throws Exception {
        Path dir = Path.of(System.getProperty("atelier.referenceDump"));
        java.nio.file.Files.createDirectories(dir);
        Path ckpt = TestCheckpoints.writeSd15(dir.resolve("tiny.safetensors"), TestCheckpoints.Spec.tiny(64), 1);
        try (NDManager m = NDManager.newBaseManager();
             Sd15Checkpoint c = Sd15Checkpoint.load(ckpt, m, new Sd15Heads(8, 4), EnumSet.allOf(Sd15Part.class))) {
            Random r = new Random(5);
            float[] lat = Sd15CheckpointTest.gaussian(r, 2 * 4 * 8 * 8);
            float[] img = new float[3 * 16 * 16];
            for (int i = 0; i < img.length; i++) img[i] = r.nextFloat() * 2 - 1;
            long[] tok = new long[2 * 77];
            for (int i = 0; i < tok.length; i++) tok[i] = i % 77 < 6 ? r.nextInt(64) : 63;
            float[] tokF = new float[tok.length];
            for (int i = 0; i < tok.length; i++) tokF[i] = tok[i];
            NDArray ctx1 = c.textEncoder().encode(m.create(tok, new Shape(2, 77)), 1);
            NDArray ctx2 = c.textEncoder().encode(m.create(tok, new Shape(2, 77)), 2);
            NDArray eps = c.unet().forward(m.create(lat, new Shape(2, 4, 8, 8)), m.create(new float[]{17, 803}), ctx2);
            var dist = c.vaeEncoder().encode(m.create(img, new Shape(1, 3, 16, 16)));
            NDArray dec = c.vaeDecoder().decode(m.create(lat, new Shape(2, 4, 8, 8)).get("0:1, :, 0:2, 0:2"));
            new TestSafetensors()
                    .put("latents", Dtype.F32, new long[]{2, 4, 8, 8}, lat)
                    .put("image", Dtype.F32, new long[]{1, 3, 16, 16}, img)
                    .put("tokens", Dtype.F32, new long[]{2, 77}, tokF)
                    .put("ctx1", Dtype.F32, new long[]{2, 77, 32}, ctx1.toFloatArray())
                    .put("ctx2", Dtype.F32, new long[]{2, 77, 32}, ctx2.toFloatArray())
                    .put("eps", Dtype.F32, new long[]{2, 4, 8, 8}, eps.toFloatArray())
                    .put("mean", Dtype.F32, new long[]{1, 4, 2, 2}, dist.mean().toFloatArray())
                    .put("logvar", Dtype.F32, new long[]{1, 4, 2, 2}, dist.logVar().toFloatArray())
                    .put("decoded", Dtype.F32, new long[]{1, 3, 16, 16}, dec.toFloatArray())
                    .write(dir.resolve("outputs.safetensors"));
        }
    }
}
