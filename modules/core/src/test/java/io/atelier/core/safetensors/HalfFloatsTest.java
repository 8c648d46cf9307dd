package io.atelier.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    @ParameterizedTest(name = "{0} -> F16 {1}")
    @CsvSource({
        "1.0, 3c00",
        "-2.25, c080",
        "65504.0, 7bff",
        "65519.996, 7bff",     // just under the halfway point to 65536: stays at the largest finite half
        "65520.0, 7c00",       // halfway between 65504 and 2^16 rounds to even, which is Inf
        "6.103515625e-5, 0400", // 2^-14, smallest normal
        "6.1e-5, 03ff",        // just below it: the largest subnormal
        "5.9604645e-8, 0001",  // 2^-24, smallest subnormal
        "2.9802322e-8, 0000",  // 2^-25: halfway to the smallest subnormal, ties to even (0)
        "4.4703484e-8, 0001",  // 1.5 × 2^-25
        "8.940697e-8, 0002",   // 3 × 2^-25 = 1.5 units: tie between 1 and 2, even is 2
        "1.00048828125, 3c00", // 1 + 2^-11: tie between 1 and 1 + 2^-10, even is 1
        "1.00146484375, 3c02", // 1 + 3·2^-11: tie between 0x3c01 and 0x3c02, even is 0x3c02
        "-0.0, 8000",
        "1.0e-10, 0000",
        "100000.0, 7c00",
    })
    void narrowsToHalfWithRoundToNearestEven(float value, String hex) {
        assertThat(String.format("%04x", HalfFloats.toHalf(value) & 0xffff)).isEqualTo(hex);
    }

    @Test
    void keepsInfinitiesAndNaN() {
        assertThat(HalfFloats.toHalf(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7c00);
        assertThat(HalfFloats.toHalf(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
        assertThat(HalfFloats.toHalf(Float.NaN)).isEqualTo((short) 0x7e00);
        // a NaN whose payload sits only in the low bits must not become Inf
        assertThat(HalfFloats.toHalf(Float.intBitsToFloat(0xff800001))).isEqualTo((short) 0xfe00);
        assertThat(HalfFloats.toBfloat16(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7f80);
        assertThat(HalfFloats.toBfloat16(Float.intBitsToFloat(0x7f800001))).isEqualTo((short) 0x7fc0);
    }

    @Test
    void everyHalfWidensExactlyAndNarrowsBackToItself() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            float f = HalfFloats.fromHalf((short) bits);
            if (Float.isNaN(f)) {
                continue;
            }
            assertThat(HalfFloats.toHalf(f) & 0xffff).as("half %04x", bits).isEqualTo(bits);
        }
        assertThat(HalfFloats.fromHalf((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloats.fromHalf((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
        assertThat(HalfFloats.fromHalf((short) 0xc080)).isEqualTo(-2.25f);
        assertThat(HalfFloats.fromHalf((short) 0x7bff)).isEqualTo(65504f);
    }

    @ParameterizedTest(name = "{0} -> BF16 {1}")
    @CsvSource({
        "1.0, 3f80",
        "-2.25, c010",
        "1.00390625, 3f80",   // 1 + 2^-8: tie, even is 1
        "1.01171875, 3f82",   // 1 + 3·2^-8: tie between 3f81 and 3f82, even is 3f82
        "1.0039064, 3f81",    // one float above the tie rounds up
        "3.0, 4040",
    })
    void narrowsToBfloat16WithRoundToNearestEven(float value, String hex) {
        assertThat(String.format("%04x", HalfFloats.toBfloat16(value) & 0xffff)).isEqualTo(hex);
    }

    @Test
    void bfloat16WidensAsBitsShiftedLeft() {
        assertThat(HalfFloats.fromBfloat16((short) 0x3fc0)).isEqualTo(1.5f);
        assertThat(HalfFloats.fromBfloat16((short) 0xc010)).isEqualTo(-2.25f);
        assertThat(HalfFloats.fromBfloat16((short) 0x4040)).isEqualTo(3.0f);
    }
}
