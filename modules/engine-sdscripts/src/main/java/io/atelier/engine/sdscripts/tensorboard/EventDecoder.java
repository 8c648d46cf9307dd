package io.atelier.engine.sdscripts.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the scalars of one {@code Event} protobuf (tensorflow/core/util/event.proto, summary.proto,
 * tensor.proto) with protobuf-java's {@link CodedInputStream}, by the documented field numbers; every other field is
 * skipped by the library.
 * <ul>
 * <li>Event: {@code wall_time} = 1 (double), {@code step} = 2 (int64), {@code summary} = 5;</li>
 * <li>Summary: repeated {@code value} = 1; Summary.Value: {@code tag} = 1, {@code simple_value} = 2 (float),
 * {@code tensor} = 8;</li>
 * <li>TensorProto: {@code dtype} = 1, {@code tensor_content} = 4, {@code float_val} = 5, {@code double_val} = 6 (packed or
 * not); a tensor is a scalar here only when it holds exactly one float or double.</li>
 * </ul>
 */
final class EventDecoder {

    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;

    private EventDecoder() {
    }

    /** The scalars of one event; an event without a summary (the {@code file_version} record) gives none. */
    static List<ScalarPoint> scalars(byte[] data, int off, int len) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data, off, len);
        double wallTime = 0;
        long step = 0;
        List<ByteString> summaries = new ArrayList<>(1);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (tag) {
                case (1 << 3) | WireFormat.WIRETYPE_FIXED64 -> wallTime = in.readDouble();
                case (2 << 3) | WireFormat.WIRETYPE_VARINT -> step = in.readInt64();
                case (5 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> summaries.add(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        if (summaries.isEmpty()) {
            return List.of();
        }
        List<ScalarPoint> out = new ArrayList<>();
        for (ByteString summary : summaries) {
            CodedInputStream s = summary.newCodedInput();
            while (true) {
                int tag = s.readTag();
                if (tag == 0) {
                    break;
                }
                if (tag == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                    value(s.readBytes(), step, wallTime, out);
                } else {
                    s.skipField(tag);
                }
            }
        }
        return out;
    }

    private static void value(ByteString bytes, long step, double wallTime, List<ScalarPoint> out) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        String tagName = "";
        Double value = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (tag) {
                case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> tagName = in.readStringRequireUtf8();
                case (2 << 3) | WireFormat.WIRETYPE_FIXED32 -> value = (double) in.readFloat();
                case (8 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    Double t = tensorScalar(in.readBytes());
                    if (t != null) {
                        value = t;
                    }
                }
                default -> in.skipField(tag);
            }
        }
        if (value != null) {
            out.add(new ScalarPoint(tagName, step, wallTime, value));
        }
    }

    /** The single float/double of a TensorProto, or null when it is not a one-element float/double tensor. */
    private static Double tensorScalar(ByteString bytes) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        int dtype = 0;
        ByteString content = null;
        List<Double> values = new ArrayList<>(1);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (tag) {
                case (1 << 3) | WireFormat.WIRETYPE_VARINT -> dtype = in.readEnum();
                case (4 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> content = in.readBytes();
                case (5 << 3) | WireFormat.WIRETYPE_FIXED32 -> values.add((double) in.readFloat());
                case (6 << 3) | WireFormat.WIRETYPE_FIXED64 -> values.add(in.readDouble());
                case (5 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    while (in.getBytesUntilLimit() > 0) {
                        values.add((double) in.readFloat());
                    }
                    in.popLimit(limit);
                }
                case (6 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    while (in.getBytesUntilLimit() > 0) {
                        values.add(in.readDouble());
                    }
                    in.popLimit(limit);
                }
                default -> in.skipField(tag);
            }
        }
        if (values.isEmpty() && content != null) {
            ByteBuffer b = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (dtype == DT_FLOAT && content.size() == 4) {
                values.add((double) b.getFloat());
            } else if (dtype == DT_DOUBLE && content.size() == 8) {
                values.add(b.getDouble());
            }
        }
        return values.size() == 1 ? values.get(0) : null;
    }
}
