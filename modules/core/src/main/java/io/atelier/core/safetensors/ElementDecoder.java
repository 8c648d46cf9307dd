package io.atelier.core.safetensors;

import java.nio.ByteBuffer;

/** Turns little-endian elements of any numeric safetensors dtype into floats. */
final class ElementDecoder {

    private ElementDecoder() {
    }

    /** Whether {@link #decode} can convert this dtype; the 8-bit float formats have no agreed scaling, so no. */
    static boolean canDecode(SafetensorsDtype dtype) {
        return dtype != SafetensorsDtype.F8_E4M3 && dtype != SafetensorsDtype.F8_E5M2;
    }

    /**
     * Decodes all remaining elements of {@code in} (little-endian, position at the first element) into {@code out}
     * from {@code at}; returns the index after the last one written.
     */
    static int decode(SafetensorsDtype dtype, ByteBuffer in, float[] out, int at) {
        int i = at;
        switch (dtype) {
            case F32 -> { while (in.remaining() >= 4) out[i++] = in.getFloat(); }
            case F16 -> { while (in.remaining() >= 2) out[i++] = HalfFloats.fromHalf(in.getShort()); }
            case BF16 -> { while (in.remaining() >= 2) out[i++] = HalfFloats.fromBfloat16(in.getShort()); }
            case F64 -> { while (in.remaining() >= 8) out[i++] = (float) in.getDouble(); }
            case BOOL, U8 -> { while (in.hasRemaining()) out[i++] = in.get() & 0xff; }
            case I8 -> { while (in.hasRemaining()) out[i++] = in.get(); }
            case I16 -> { while (in.remaining() >= 2) out[i++] = in.getShort(); }
            case U16 -> { while (in.remaining() >= 2) out[i++] = in.getShort() & 0xffff; }
            case I32 -> { while (in.remaining() >= 4) out[i++] = in.getInt(); }
            case U32 -> { while (in.remaining() >= 4) out[i++] = in.getInt() & 0xffff_ffffL; }
            case I64 -> { while (in.remaining() >= 8) out[i++] = in.getLong(); }
            case U64 -> { while (in.remaining() >= 8) out[i++] = unsignedToFloat(in.getLong()); }
            default -> throw new IllegalArgumentException(dtype + " cannot be converted to float");
        }
        return i;
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
    }
}
