package io.atelier.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetensorsHeaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTensorsMetadataAndLengthsOfAHandWrittenFile() throws IOException {
        // the example from the safetensors README: a 2x2 I32 tensor
        String json = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"__metadata__\":{\"format\":\"pt\"}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("test.safetensors"), json, new byte[16]);

        SafetensorsHeader header = SafetensorsHeader.read(file);

        assertThat(header.file()).isEqualTo(file);
        assertThat(header.headerLength()).isEqualTo(SafetensorsFixture.padded(json.getBytes(StandardCharsets.UTF_8)).length);
        assertThat(header.headerLength() % 8).isZero();
        assertThat(header.dataLength()).isEqualTo(16);
        assertThat(header.metadata()).containsExactly(java.util.Map.entry("format", "pt"));
        assertThat(header.tensors()).containsExactly(
                new SafetensorsTensor("test", SafetensorsDtype.I32, new long[] {2, 2}, 0, 16));
    }

    @Test
    void keepsTensorsInHeaderOrderWithTheirOffsets() throws IOException {
        Path file = SafetensorsFixture.create()
                .tensor("a", "F16", 2, 3)
                .tensor("scalar", "F32")
                .tensor("b", "BF16", 5)
                .metadata("modelspec.title", "Test")
                .write(dir.resolve("m.safetensors"));

        SafetensorsHeader header = SafetensorsHeader.read(file);

        assertThat(header.tensors()).extracting(SafetensorsTensor::name).containsExactly("a", "scalar", "b");
        SafetensorsTensor scalar = header.tensors().get(1);
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.begin()).isEqualTo(12);
        assertThat(scalar.byteLength()).isEqualTo(4);
        assertThat(header.tensors().get(2).end()).isEqualTo(26);
        assertThat(header.dataLength()).isEqualTo(26);
        assertThat(header.metadata()).containsEntry("modelspec.title", "Test");
        assertThat(Files.size(file)).isEqualTo(8 + header.headerLength() + header.dataLength());
    }

    @Test
    void readsOnlyTheHeaderOfAMultiGigabyteFile() throws IOException {
        // 3 GiB of F16 in a sparse file: reading the data would take seconds, the header microseconds
        long bytes = 3L << 30;
        String json = "{\"model.diffusion_model.big\":{\"dtype\":\"F16\",\"shape\":[" + bytes / 2
                + "],\"data_offsets\":[0," + bytes + "]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("big.safetensors"), json, new byte[0]);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() + bytes);
        }

        long start = System.nanoTime();
        SafetensorsHeader header = SafetensorsHeader.read(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(header.dataLength()).isEqualTo(bytes);
        assertThat(header.tensors().get(0).end()).isEqualTo(bytes);
        assertThat(millis).as("header read time in ms").isLessThan(2000);
    }

    @Test
    void readsAnEmptyHeaderObject() throws IOException {
        Path file = SafetensorsFixture.writeRaw(dir.resolve("empty.safetensors"), "{}", new byte[0]);
        SafetensorsHeader header = SafetensorsHeader.read(file);
        assertThat(header.tensors()).isEmpty();
        assertThat(header.metadata()).isEmpty();
    }

    @Test
    void rejectsAZeroByteFile() throws IOException {
        Path file = Files.createFile(dir.resolve("zero.safetensors"));
        assertRejected(file).hasMessage(file + ": the file is empty (0 bytes)");
    }

    @Test
    void rejectsAFileShorterThanTheLengthField() throws IOException {
        Path file = Files.write(dir.resolve("five.safetensors"), new byte[] {1, 2, 3, 4, 5});
        assertRejected(file).hasMessageContaining("only 5 bytes long").hasMessageContaining("8-byte header length");
    }

    @Test
    void rejectsAHeaderLengthOfZero() {
        Path file = SafetensorsFixture.writeRaw(dir.resolve("h0.safetensors"), 0, new byte[0], new byte[16]);
        assertRejected(file).hasMessageContaining("header length is 0 bytes");
    }

    @Test
    void rejectsAHeaderLengthBeyondTheEndOfTheFile() {
        Path file = SafetensorsFixture.writeRaw(dir.resolve("short.safetensors"), 1000, "{}        ".getBytes(
                StandardCharsets.US_ASCII), new byte[0]);
        assertRejected(file)
                .hasMessageContaining("header length 1000 bytes is beyond the end of the file (18 bytes)");
    }

    @Test
    void readsTheHeaderLengthAsUnsigned() {
        // all 64 bits set: as a signed long that is -1 and would slip past a "length > rest" check
        Path file = SafetensorsFixture.writeRaw(dir.resolve("neg.safetensors"), -1L, new byte[8], new byte[0]);
        assertRejected(file)
                .hasMessageContaining("header length 18446744073709551615 bytes is beyond the end of the file");
    }

    @Test
    void rejectsAHeaderLengthAboveTheCap() throws IOException {
        long length = SafetensorsHeader.MAX_HEADER_BYTES + 8;
        Path file = SafetensorsFixture.writeRaw(dir.resolve("cap.safetensors"), length, new byte[0], new byte[0]);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(8 + length + 64); // sparse: the length fits in the file but not under the cap
        }
        assertRejected(file).hasMessageContaining("header length " + length + " bytes is above the 100 MiB");
    }

    @Test
    void rejectsAHeaderThatIsNotUtf8() {
        byte[] header = SafetensorsFixture.padded(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        Path file = SafetensorsFixture.writeRaw(dir.resolve("latin.safetensors"), header.length, header, new byte[0]);
        assertRejected(file).hasMessageContaining("header is not valid UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed JSON     | {\"a\":{\"dtype\":\"F16\",              | header is not valid JSON at line 1",
        "JSON array         | [1,2,3]                              | header is not a JSON object (found a JSON array)",
        "only spaces        | ` `                                  | header is not a JSON object (found nothing)",
        "trailing garbage   | {} x                                 | header is not valid JSON",
        "duplicate tensor   | {\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}} | Duplicate field 'a'",
        "entry not object   | {\"a\":5}                            | tensor 'a' is a JSON number, not an object",
        "no dtype           | {\"a\":{\"shape\":[1],\"data_offsets\":[0,1]}} | tensor 'a' has no dtype",
        "unknown dtype      | {\"a\":{\"dtype\":\"F17\",\"shape\":[1],\"data_offsets\":[0,1]}} | tensor 'a' has unknown dtype \"F17\"",
        "lower-case dtype   | {\"a\":{\"dtype\":\"f16\",\"shape\":[1],\"data_offsets\":[0,2]}} | tensor 'a' has unknown dtype \"f16\"",
        "no shape           | {\"a\":{\"dtype\":\"U8\",\"data_offsets\":[0,1]}} | tensor 'a' has a missing or invalid shape null",
        "negative shape     | {\"a\":{\"dtype\":\"U8\",\"shape\":[-1],\"data_offsets\":[0,1]}} | tensor 'a' has a missing or invalid shape [-1]",
        "fractional shape   | {\"a\":{\"dtype\":\"U8\",\"shape\":[1.5],\"data_offsets\":[0,1]}} | tensor 'a' has a missing or invalid shape [1.5]",
        "no offsets         | {\"a\":{\"dtype\":\"U8\",\"shape\":[1]}}  | tensor 'a' has missing or invalid data_offsets null",
        "three offsets      | {\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1,2]}} | tensor 'a' has missing or invalid data_offsets [0,1,2]",
        "end before begin   | {\"a\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[8,4]}} | tensor 'a' has data_offsets [8, 4] that end before they begin",
        "shape/offsets      | {\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}} | tensor 'a' is F32 [2, 2] = 16 bytes, but its data_offsets [0, 12] span 12 bytes",
        "size overflow      | {\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}} | tensor 'a' has shape [4294967296, 4294967296] of F64, whose size overflows 64 bits",
        "metadata not map   | {\"__metadata__\":[\"x\"]}           | __metadata__ is a JSON array, not an object of strings",
        "metadata number    | {\"__metadata__\":{\"ss_network_dim\":32}} | __metadata__ entry 'ss_network_dim' is a JSON number; metadata values must be strings",
    })
    void rejectsABadHeader(String description, String json, String problem) {
        Path file = SafetensorsFixture.writeRaw(dir.resolve("bad.safetensors"), json, new byte[64]);
        assertRejected(file).hasMessageContaining(problem);
    }

    @Test
    void rejectsTruncatedTensorData() throws IOException {
        Path file = SafetensorsFixture.sd15().write(dir.resolve("cut.safetensors"));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3); // an interrupted download
        }
        assertRejected(file)
                .hasMessageContaining("tensor 'model.diffusion_model.out.2.bias' claims 16 bytes at bytes")
                .hasMessageContaining("but the file holds only")
                .hasMessageContaining("(truncated or corrupt)");
    }

    @Test
    void rejectsATensorClaimingMoreDataThanTheFileHolds() {
        String json = "{\"x\":{\"dtype\":\"F32\",\"shape\":[25000000000],\"data_offsets\":[0,100000000000]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("liar.safetensors"), json, new byte[64]);
        assertRejected(file).hasMessageContaining("tensor 'x' claims 100.0 GB at bytes 0–100000000000 of the tensor "
                + "data, but the file holds only 64 bytes of tensor data (truncated or corrupt)");
    }

    @Test
    void rejectsARangeThatStartsInsideButEndsOutsideTheData() {
        String json = "{\"x\":{\"dtype\":\"U8\",\"shape\":[10],\"data_offsets\":[60,70]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("edge.safetensors"), json, new byte[64]);
        assertRejected(file).hasMessageContaining("tensor 'x' claims 10 bytes at bytes 60–70");
    }

    @Test
    void acceptsARangeEndingExactlyAtTheEndOfTheFile() throws IOException {
        String json = "{\"x\":{\"dtype\":\"U8\",\"shape\":[64],\"data_offsets\":[0,64]}}";
        Path file = SafetensorsFixture.writeRaw(dir.resolve("exact.safetensors"), json, new byte[64]);
        assertThat(SafetensorsHeader.read(file).tensors()).hasSize(1);
    }

    @Test
    void formatsSizesInDecimalUnits() {
        assertThat(SafetensorsHeader.humanBytes(999)).isEqualTo("999 bytes");
        assertThat(SafetensorsHeader.humanBytes(6_938_078_334L)).isEqualTo("6.9 GB");
        assertThat(SafetensorsHeader.humanBytes(999_999)).isEqualTo("1.0 MB");
    }

    @Test
    void tensorEntriesCompareByValueAndDoNotShareTheirShape() {
        long[] shape = {2, 3};
        SafetensorsTensor t = new SafetensorsTensor("a", SafetensorsDtype.F16, shape, 0, 12);
        shape[0] = 99;
        t.shape()[1] = 99;
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t).isEqualTo(new SafetensorsTensor("a", SafetensorsDtype.F16, new long[] {2, 3}, 0, 12))
                .hasSameHashCodeAs(new SafetensorsTensor("a", SafetensorsDtype.F16, new long[] {2, 3}, 0, 12));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path file) {
        return assertThatThrownBy(() -> SafetensorsHeader.read(file))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith(file + ": ")
                .satisfies(e -> assertThat(((SafetensorsFormatException) e).file()).isEqualTo(file));
    }
}
