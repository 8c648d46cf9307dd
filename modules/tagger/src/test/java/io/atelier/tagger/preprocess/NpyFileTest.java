package io.atelier.tagger.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {

    @TempDir
    Path tmp;

    @Test
    void writesVersion1HeaderAlignedTo64AndLittleEndianFloats() throws IOException {
        Path out = tmp.resolve("t.npy");
        NpyFile.write(out, new float[]{1.5f, -2f, 255f, 0f, 0.25f, 7f}, 1, 2, 1, 3);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xFF).isEqualTo(0x93);
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes[7]).isEqualTo((byte) 0);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 1, 3), }")
                .endsWith("\n");
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.remaining()).isEqualTo(6 * 4);
        assertThat(data.getFloat()).isEqualTo(1.5f);
        assertThat(data.getFloat()).isEqualTo(-2f);
    }

    @Test
    void aOneDimensionalShapeIsAOneElementTuple() {
        String header = new String(NpyFile.bytes(new float[2], 2), 10, 54, StandardCharsets.US_ASCII);
        assertThat(header).contains("'shape': (2,)");
    }

    @Test
    void theShapeMustFitTheData() {
        assertThatThrownBy(() -> NpyFile.bytes(new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 values do not fill shape [2, 3]");
    }
}
