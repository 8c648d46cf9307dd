package io.atelier.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheReferenceLayoutByteForByte() throws IOException {
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata(Map.of("format", "pt"))
                .add("b", SafetensorsDtype.F16, new long[] {2}, new float[] {1.0f, -2.25f})
                .addScalar("a.alpha", SafetensorsDtype.F16, 8f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = writer.writeTo(out);

        byte[] bytes = out.toByteArray();
        assertThat(written).isEqualTo(bytes.length);
        String expectedJson = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a.alpha\":{\"dtype\":\"F16\",\"shape\":[],\"data_offsets\":[0,2]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[2,6]}}";
        int padded = (expectedJson.length() + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.getLong()).isEqualTo(padded);
        assertThat(new String(bytes, 8, padded, StandardCharsets.UTF_8)).isEqualTo(expectedJson
                + " ".repeat(padded - expectedJson.length()));
        buf.position(8 + padded);
        assertThat(buf.getShort()).isEqualTo((short) 0x4800); // 8.0
        assertThat(buf.getShort()).isEqualTo((short) 0x3c00);
        assertThat(buf.getShort()).isEqualTo((short) 0xc080);
        assertThat(buf.hasRemaining()).isFalse();
    }

    @Test
    void ordersDataByDtypeThenNameAsTheReferenceDoes() {
        SafetensorsWriter writer = new SafetensorsWriter()
                .add("z16", SafetensorsDtype.F16, new long[] {1}, new float[] {0})
                .add("a16", SafetensorsDtype.F16, new long[] {1}, new float[] {0})
                .add("m32", SafetensorsDtype.F32, new long[] {1}, new float[] {0})
                .addRaw("i64", SafetensorsDtype.I64, new long[] {1}, new byte[8]);

        assertThat(writer.names()).containsExactly("i64", "m32", "a16", "z16");
    }

    @Test
    void roundTripsBitExactThroughTheReader() throws IOException {
        Random random = new Random(7);
        float[] f32 = new float[1000];
        for (int i = 0; i < f32.length; i++) {
            f32[i] = (float) random.nextGaussian() * 3;
        }
        f32[0] = Float.NaN;
        f32[1] = Float.NEGATIVE_INFINITY;
        f32[2] = Float.MIN_VALUE;
        float[] halves = new float[1 << 16];
        for (int bits = 0; bits < halves.length; bits++) {
            halves[bits] = HalfFloats.fromHalf((short) bits);
        }
        float[] bf = new float[1 << 16];
        for (int bits = 0; bits < bf.length; bits++) {
            bf[bits] = HalfFloats.fromBfloat16((short) bits);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("ss_network_dim", "4");
        metadata.put("ss_tag_frequency", "{\"img\": {\"caf\\u00e9\": 1}}\n\"quoted\" ünïcode");
        Path file = dir.resolve("rt.safetensors");
        new SafetensorsWriter().metadata(metadata)
                .add("f32", SafetensorsDtype.F32, new long[] {10, 100}, f32)
                .add("f16", SafetensorsDtype.F16, new long[] {256, 256}, halves)
                .add("bf16", SafetensorsDtype.BF16, new long[] {1 << 16}, bf)
                .addScalar("alpha", SafetensorsDtype.F32, 16f)
                .write(file);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.metadata()).containsExactlyEntriesOf(metadata);
            assertThat(st.tensor("f32").shape()).containsExactly(10, 100);
            assertThat(st.tensor("alpha").shape()).isEmpty();
            assertThat(firstDifference(st.readFloats("f32"), f32)).isEqualTo(-1);
            assertThat(firstDifference(st.readFloats("f16"), halves)).isEqualTo(-1);
            assertThat(firstDifference(st.readFloats("bf16"), bf)).isEqualTo(-1);
            assertThat(st.readFloats("alpha")).containsExactly(16f);
            assertThat(st.header().headerLength() % 8).isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void refusesInconsistentInput() {
        SafetensorsWriter writer = new SafetensorsWriter();
        assertThatThrownBy(() -> writer.add("t", SafetensorsDtype.F16, new long[] {2, 2}, new float[3]))
                .hasMessageContaining("'t'").hasMessageContaining("4 elements, but 3 values");
        assertThatThrownBy(() -> writer.add("t", SafetensorsDtype.I32, new long[] {1}, new float[1]))
                .hasMessageContaining("F32, F16 or BF16");
        writer.addScalar("t", SafetensorsDtype.F16, 1);
        assertThatThrownBy(() -> writer.addScalar("t", SafetensorsDtype.F16, 1)).hasMessageContaining("twice");
        assertThatThrownBy(() -> writer.addScalar("__metadata__", SafetensorsDtype.F16, 1))
                .hasMessageContaining("cannot be a tensor name");
    }

    /** The first index whose bits differ (any NaN matches any NaN: narrowing makes NaNs canonical), or -1. */
    private static int firstDifference(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            boolean same = Float.isNaN(expected[i]) ? Float.isNaN(actual[i])
                    : Float.floatToRawIntBits(actual[i]) == Float.floatToRawIntBits(expected[i]);
            if (!same) {
                return i;
            }
        }
        return -1;
    }
}
