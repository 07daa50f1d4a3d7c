package org.habitatj.ij;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes minimal Explicit VR Little Endian DICOM files for tests (elements in tag order). */
final class DicomBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  DicomBytes() {
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    str(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.4");
    str(0x0002, 0x0003, "UI", "1.2.3.4.5");
    str(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
  }

  DicomBytes str(int group, int elem, String vr, String value) {
    byte[] v = value.getBytes(StandardCharsets.US_ASCII);
    if (v.length % 2 == 1) {
      byte pad = vr.equals("UI") ? 0 : (byte) ' ';
      byte[] w = new byte[v.length + 1];
      System.arraycopy(v, 0, w, 0, v.length);
      w[v.length] = pad;
      v = w;
    }
    header(group, elem, vr, v.length);
    out.writeBytes(v);
    return this;
  }

  DicomBytes us(int group, int elem, int value) {
    header(group, elem, "US", 2);
    out.write(value & 0xff);
    out.write((value >> 8) & 0xff);
    return this;
  }

  DicomBytes pixels(short... v) {
    ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : v) {
      b.putShort(s);
    }
    ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    h.putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'W')
        .putShort((short) 0).putInt(b.capacity());
    out.writeBytes(h.array());
    out.writeBytes(b.array());
    return this;
  }

  private void header(int group, int elem, String vr, int len) {
    ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    h.putShort((short) group).putShort((short) elem).put((byte) vr.charAt(0))
        .put((byte) vr.charAt(1)).putShort((short) len);
    out.writeBytes(h.array());
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** A 2×2 16-bit image, given signedness, rescale and slice position z. */
  static byte[] image(boolean signed, String slope, String intercept, double z, short... px) {
    DicomBytes d = new DicomBytes();
    d.str(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.4");
    d.str(0x0008, 0x0060, "CS", "MR");
    d.str(0x0020, 0x0032, "DS", "10\\20\\" + z);
    d.str(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
    d.us(0x0028, 0x0002, 1);
    d.str(0x0028, 0x0004, "CS", "MONOCHROME2");
    d.us(0x0028, 0x0010, 2);
    d.us(0x0028, 0x0011, 2);
    d.str(0x0028, 0x0030, "DS", "0.5\\0.25");
    d.us(0x0028, 0x0100, 16);
    d.us(0x0028, 0x0101, 16);
    d.us(0x0028, 0x0102, 15);
    d.us(0x0028, 0x0103, signed ? 1 : 0);
    if (intercept != null) {
      d.str(0x0028, 0x1052, "DS", intercept);
    }
    if (slope != null) {
      d.str(0x0028, 0x1053, "DS", slope);
    }
    d.pixels(px);
    return d.bytes();
  }
}
