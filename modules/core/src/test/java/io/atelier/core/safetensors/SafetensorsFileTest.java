package io.atelier.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTensorsOfASparseFileOver2GiB() throws IOException {
        long gap = 3L << 30; // the second tensor starts 3 GiB into the data
        String json = "{\"first\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"filler\":{\"dtype\":\"U8\",\"shape\":[" + (gap - 8) + "],\"data_offsets\":[8," + gap + "]},"
                + "\"far\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[" + gap + "," + (gap + 6) + "]}}";
        byte[] header = SafetensorsFixture.padded(json.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("huge.safetensors");
        long dataStart = 8 + header.length;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(dataStart + gap + 6); // sparse: the filler takes no disk space
            ByteBuffer head = ByteBuffer.allocate(8 + header.length + 8).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(header.length).put(header).putFloat(1.5f).putFloat(-2f);
            raf.write(head.array());
            raf.seek(dataStart + gap);
            ByteBuffer far = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
            far.putShort((short) 0x3fc0).putShort((short) 0xc010).putShort((short) 0x4040); // 1.5, -2.25, 3
            raf.write(far.array());
        }
        assertThat(Files.size(file)).isGreaterThan(Integer.MAX_VALUE);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors()).extracting(SafetensorsTensor::name).containsExactly("first", "filler", "far");
            assertThat(st.readFloats("first")).containsExactly(1.5f, -2f);
            assertThat(st.readFloats("far")).containsExactly(1.5f, -2.25f, 3f);
            assertThat(st.bytes("far").getShort(0)).isEqualTo((short) 0x3fc0);
            ByteBuffer window = st.bytes("filler", gap - 16, 8);
            assertThat(window.remaining()).isEqualTo(8);
            assertThatThrownBy(() -> st.bytes("filler"))
                    .isInstanceOf(SafetensorsFormatException.class)
                    .hasMessageStartingWith(file + ": tensor 'filler' is " + (gap - 8) + " bytes, too large to map");
        }
    }

    @Test
    void convertsIntegerAndDoubleDtypes() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(2 + 4 + 8 + 8 + 1).order(ByteOrder.LITTLE_ENDIAN);
        data.put((byte) -3).put((byte) 250);                 // I8, U8
        data.putShort((short) -7).putShort((short) 0xffff);  // I16, U16
        data.putLong(-5_000_000_000L);                       // I64
        data.putDouble(0.1);                                 // F64
        data.put((byte) 1);                                  // BOOL
        String json = "{\"i8\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,1]},"
                + "\"u8\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]},"
                + "\"i16\":{\"dtype\":\"I16\",\"shape\":[1],\"data_offsets\":[2,4]},"
                + "\"u16\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[4,6]},"
                + "\"i64\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[6,14]},"
                + "\"f64\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[14,22]},"
                + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[22,23]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("ints.safetensors"), json, data.array());

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.readFloats("i8")).containsExactly(-3f);
            assertThat(st.readFloats("u8")).containsExactly(250f);
            assertThat(st.readFloats("i16")).containsExactly(-7f);
            assertThat(st.readFloats("u16")).containsExactly(65535f);
            assertThat(st.readFloats("i64")).containsExactly(-5e9f);
            assertThat(st.readFloats("f64")).containsExactly(0.1f);
            assertThat(st.readFloats("b")).containsExactly(1f);
            assertThat(st.metadata()).isEmpty();
        }
    }

    @Test
    void refusesPickleFilesWithPickleFormatsMessageWithoutReadingThem() {
        Path file = dir.resolve("model.ckpt"); // does not even exist: the name alone decides
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessage(PickleFormats.refusal(file));
    }

    @Test
    void refusesOverlappingTensorsAndNamesMissingOnes() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("overlap.safetensors"), json, new byte[8]);
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith(file + ": tensors 'a' [0, 8) and 'b' [4, 8) overlap");

        Path ok = SafetensorsFixture.writeRaw(dir.resolve("ok.safetensors"),
                "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[8]);
        try (SafetensorsFile st = SafetensorsFile.open(ok)) {
            assertThatThrownBy(() -> st.readFloats("nope")).hasMessage(ok + ": has no tensor 'nope'");
            assertThatThrownBy(() -> st.readFloats("a")).hasMessageContaining("F8_E4M3, which cannot be read");
        }
    }

    @Test
    void reportsATruncatedFileThroughTheHeaderValidation() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F16\",\"shape\":[4,4],\"data_offsets\":[0,32]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("cut.safetensors"), json, new byte[20]);
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith(file + ": tensor 'a' claims");
    }
}
