package io.atelier.core.safetensors;

import java.io.IOException;

/** A tensor waiting to be written: its header entry and how to produce its little-endian bytes. */
record TensorEntry(String name, SafetensorsDtype dtype, long[] shape, long byteLength, Encoder encoder) {

    /** Writes exactly {@code byteLength} bytes. */
    interface Encoder {
        void encode(LittleEndianOutput out) throws IOException;
    }
}
