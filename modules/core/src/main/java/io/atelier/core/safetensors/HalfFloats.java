package io.atelier.core.safetensors;

/**
 * Conversions between {@code float} and the two 16-bit float formats of model files: IEEE 754 half precision (F16)
 * and bfloat16 (BF16). Narrowing rounds to nearest, ties to even, and gives NaN the canonical quiet patterns of
 * PyTorch's c10 conversions (F16 {@code ±0x7e00}, BF16 {@code 0x7fc0}), so a file we write holds the bits PyTorch
 * would write; infinities stay infinite. Widening is exact.
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** The F16 bits of {@code value}: nearest half, ties to even; overflow gives ±Inf, underflow ±0 or a subnormal. */
    public static short toHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7f_ffff;
        if (exponent == 0xff) {
            // Inf keeps its sign; any NaN becomes the canonical quiet NaN, as c10::detail::fp16_ieee_from_fp32_value
            return (short) (mantissa == 0 ? sign | 0x7c00 : sign | 0x7e00);
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            // subnormal half: the value in units of 2^-24, from the full 24-bit significand
            int shift = 14 - halfExponent;
            if (shift > 24) {
                return (short) sign; // below half of the smallest subnormal: rounds to zero
            }
            int significand = mantissa | 0x80_0000;
            return (short) (sign | roundShift(significand, shift));
        }
        // normal: a carry out of the mantissa correctly bumps the exponent, up to Inf (0x7c00)
        return (short) (sign | roundShift((halfExponent << 23) | mantissa, 13));
    }

    /** The exact float of F16 bits, subnormals included. */
    public static float fromHalf(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            // zero or subnormal: mantissa × 2^-24, exact in a float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f80_0000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /** The BF16 bits of {@code value}: the top 16 bits, rounded to nearest even; any NaN 0x7fc0, as c10 does. */
    public static short toBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7fff_ffff) > 0x7f80_0000) {
            return (short) 0x7fc0;
        }
        int roundingBias = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** The exact float of BF16 bits: they are the float's top 16 bits. */
    public static float fromBfloat16(short bfloat16) {
        return Float.intBitsToFloat((bfloat16 & 0xffff) << 16);
    }

    /** {@code value >> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        return rest > halfway || (rest == halfway && (kept & 1) == 1) ? kept + 1 : kept;
    }
}
