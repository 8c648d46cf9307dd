package io.atelier.engine.sdscripts.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** Test helper: encodes TensorBoard events (event.proto / summary.proto field numbers) in TFRecord framing. */
public final class EventFileWriter {

    private EventFileWriter() {
    }

    public static byte[] fileVersionEvent(double wallTime) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeDouble(1, wallTime);
        out.writeString(3, "brain.Event:2");
        out.flush();
        return bytes.toByteArray();
    }

    /** An event with one {@code simple_value} scalar, as PyTorch's SummaryWriter.add_scalar writes it. */
    public static byte[] simpleScalarEvent(String tag, long step, double wallTime, float value) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        CodedOutputStream vo = CodedOutputStream.newInstance(v);
        vo.writeString(1, tag);
        vo.writeFloat(2, value);
        vo.flush();
        return event(step, wallTime, v.toByteArray());
    }

    /** An event with a scalar tensor value: float_val (packed) or double_val (packed), as TF2 writers do. */
    public static byte[] tensorScalarEvent(String tag, long step, double wallTime, double value, boolean asDouble)
            throws IOException {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        CodedOutputStream to = CodedOutputStream.newInstance(t);
        to.writeEnum(1, asDouble ? 2 : 1); // DT_DOUBLE / DT_FLOAT
        to.writeBytes(2, ByteString.EMPTY); // tensor_shape: scalar
        if (asDouble) {
            to.writeTag(6, 2);
            to.writeUInt32NoTag(8);
            to.writeDoubleNoTag(value);
        } else {
            to.writeTag(5, 2);
            to.writeUInt32NoTag(4);
            to.writeFloatNoTag((float) value);
        }
        to.flush();
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        CodedOutputStream vo = CodedOutputStream.newInstance(v);
        vo.writeString(1, tag);
        vo.writeBytes(8, ByteString.copyFrom(t.toByteArray()));
        vo.flush();
        return event(step, wallTime, v.toByteArray());
    }

    private static byte[] event(long step, double wallTime, byte[] summaryValue) throws IOException {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        CodedOutputStream so = CodedOutputStream.newInstance(s);
        so.writeBytes(1, ByteString.copyFrom(summaryValue));
        so.flush();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CodedOutputStream eo = CodedOutputStream.newInstance(e);
        eo.writeDouble(1, wallTime);
        eo.writeInt64(2, step);
        eo.writeBytes(5, ByteString.copyFrom(s.toByteArray()));
        eo.flush();
        return e.toByteArray();
    }

    /** TFRecord framing of one record. */
    public static byte[] frame(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(data.length);
        b.putInt(masked(b.array(), 0, 8));
        b.put(data);
        b.putInt(masked(data, 0, data.length));
        return b.array();
    }

    private static int masked(byte[] a, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(a, off, len);
        int crc = (int) c.getValue();
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }
}
