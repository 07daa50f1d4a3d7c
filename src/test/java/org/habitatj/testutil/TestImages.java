package org.habitatj.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;

/**
 * Minimal test-only readers for the shared NRRD (raw/gzip, attached data) and NIfTI-1 (.nii.gz)
 * files, so the feature tests do not depend on the io package. Only spacing and size matter for
 * features; origin/direction are approximate.
 */
public final class TestImages {

  private TestImages() {}

  /** Shared folder, ../shared relative to the project directory. */
  public static final Path SHARED = Path.of("..", "shared");

  /** Voxel values (x fastest) and geometry. */
  public record Raw(double[] data, Geometry geometry) {
    public Volume volume() {
      return Volume.ofDoubles(data, geometry);
    }

    /** Mask of voxels equal to {@code label}. */
    public Mask mask(int label) {
      byte[] b = new byte[data.length];
      for (int i = 0; i < data.length; i++) {
        b[i] = data[i] == label ? (byte) 1 : 0;
      }
      return new Mask(b, geometry);
    }
  }

  public static Raw read(Path p) throws IOException {
    String n = p.getFileName().toString();
    return n.endsWith(".nrrd") ? readNrrd(p) : readNifti(p);
  }

  public static Raw readNrrd(Path p) throws IOException {
    byte[] all = Files.readAllBytes(p);
    int pos = 0;
    Map<String, String> h = new HashMap<>();
    while (true) {
      int end = pos;
      while (all[end] != '\n') {
        end++;
      }
      String line = new String(all, pos, end - pos, "ISO-8859-1").trim();
      pos = end + 1;
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith("#") || line.startsWith("NRRD")) {
        continue;
      }
      int c = line.indexOf(':');
      h.put(line.substring(0, c).trim(), line.substring(c + 1).trim().replaceFirst("^=", "").trim());
    }
    String[] sz = h.get("sizes").split("\\s+");
    int[] size = {1, 1, 1};
    for (int i = 0; i < sz.length; i++) {
      size[i] = Integer.parseInt(sz[i]);
    }
    double[] spacing = {1, 1, 1};
    double[] dir = Geometry.identity();
    if (h.containsKey("space directions")) {
      String[] vs = h.get("space directions").replace("(", "").split("\\)");
      int k = 0;
      for (String v : vs) {
        v = v.trim();
        if (v.isEmpty() || v.equals("none")) {
          continue;
        }
        String[] c = v.split(",");
        double[] d = new double[3];
        double norm = 0;
        for (int j = 0; j < 3; j++) {
          d[j] = Double.parseDouble(c[j].trim());
          norm += d[j] * d[j];
        }
        spacing[k] = Math.sqrt(norm);
        for (int j = 0; j < 3; j++) {
          dir[3 * j + k] = d[j] / spacing[k];
        }
        k++;
      }
    } else if (h.containsKey("spacings")) {
      String[] s = h.get("spacings").split("\\s+");
      for (int i = 0; i < s.length; i++) {
        spacing[i] = Double.parseDouble(s[i]);
      }
    }
    double[] origin = new double[3];
    if (h.containsKey("space origin")) {
      String[] c = h.get("space origin").replace("(", "").replace(")", "").split(",");
      for (int j = 0; j < 3; j++) {
        origin[j] = Double.parseDouble(c[j].trim());
      }
    }
    byte[] payload = java.util.Arrays.copyOfRange(all, pos, all.length);
    String enc = h.getOrDefault("encoding", "raw");
    if (enc.startsWith("gz")) {
      payload = gunzip(new java.io.ByteArrayInputStream(payload));
    }
    ByteOrder order = "big".equals(h.get("endian")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    int n = size[0] * size[1] * size[2];
    double[] data = decode(payload, order, h.get("type"), n);
    return new Raw(data, new Geometry(size, spacing, origin, dir));
  }

  private static double[] decode(byte[] payload, ByteOrder order, String type, int n) {
    ByteBuffer bb = ByteBuffer.wrap(payload).order(order);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      switch (type) {
        case "short", "int16", "signed short" -> d[i] = bb.getShort();
        case "ushort", "uint16", "unsigned short" -> d[i] = bb.getShort() & 0xffff;
        case "int", "int32", "signed int" -> d[i] = bb.getInt();
        case "uint", "uint32", "unsigned int" -> d[i] = bb.getInt() & 0xffffffffL;
        case "uchar", "uint8", "unsigned char" -> d[i] = bb.get() & 0xff;
        case "char", "int8", "signed char" -> d[i] = bb.get();
        case "float" -> d[i] = bb.getFloat();
        case "double" -> d[i] = bb.getDouble();
        default -> throw new IllegalArgumentException("NRRD type " + type);
      }
    }
    return d;
  }

  private static byte[] gunzip(InputStream in) throws IOException {
    try (GZIPInputStream g = new GZIPInputStream(in, 1 << 16)) {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      g.transferTo(o);
      return o.toByteArray();
    }
  }

  public static Raw readNifti(Path p) throws IOException {
    byte[] b;
    try (InputStream in = Files.newInputStream(p)) {
      b = p.toString().endsWith(".gz") ? gunzip(in) : in.readAllBytes();
    }
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    if (bb.getInt(0) != 348) {
      bb.order(ByteOrder.BIG_ENDIAN);
    }
    int[] size = {1, 1, 1};
    int ndim = bb.getShort(40);
    for (int i = 0; i < Math.min(3, ndim); i++) {
      size[i] = bb.getShort(42 + 2 * i);
    }
    int datatype = bb.getShort(70);
    double[] spacing = {1, 1, 1};
    for (int i = 0; i < 3; i++) {
      double s = bb.getFloat(80 + 4 * i);
      spacing[i] = s > 0 ? s : 1;
    }
    int voxOffset = (int) bb.getFloat(108);
    double slope = bb.getFloat(112);
    double inter = bb.getFloat(116);
    if (slope == 0 || Double.isNaN(slope)) {
      slope = 1;
      inter = 0;
    }
    int n = size[0] * size[1] * size[2];
    bb.position(voxOffset);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double v = switch (datatype) {
        case 2 -> bb.get() & 0xff;
        case 4 -> bb.getShort();
        case 8 -> bb.getInt();
        case 16 -> bb.getFloat();
        case 64 -> bb.getDouble();
        case 256 -> bb.get();
        case 512 -> bb.getShort() & 0xffff;
        default -> throw new IllegalArgumentException("NIfTI datatype " + datatype + " in " + p);
      };
      d[i] = v * slope + inter;
    }
    return new Raw(d, Geometry.of(size, spacing));
  }
}
