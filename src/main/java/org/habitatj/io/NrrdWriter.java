package org.habitatj.io;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import net.imglib2.img.array.ArrayImgs;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;

/**
 * Writes masks and maps as NRRD files with attached, gzip-compressed data ({@code NRRD0004},
 * little-endian, {@code space: left-posterior-superior}, {@code space directions} = direction
 * columns × spacing, {@code space origin}). Numbers are written with Java's shortest exact
 * decimal form, so {@link NrrdReader} gives back the identical grid.
 */
public final class NrrdWriter {

  private NrrdWriter() {}

  /** Writes a mask as uint8 0/1; refuses to overwrite an existing file. */
  public static void write(Mask mask, Path path) throws ImageFormatException {
    write(mask, path, false);
  }

  /** Writes a mask as uint8 0/1. */
  public static void write(Mask mask, Path path, boolean overwrite) throws ImageFormatException {
    int[] s = mask.geometry().size();
    write(new Volume(ArrayImgs.unsignedBytes(mask.data(), s[0], s[1], s[2]), mask.geometry()),
        VoxelType.UINT8, path, overwrite);
  }

  /**
   * Writes a volume.
   *
   * @param type UINT8, INT8, INT16, UINT16, INT32, FLOAT32 or FLOAT64
   * @throws ImageFormatException naming the file if it exists (and overwrite is false), cannot be
   *     written, or a value does not fit the type
   */
  public static void write(Volume volume, VoxelType type, Path path, boolean overwrite)
      throws ImageFormatException {
    byte[] data = VoxelEncoder.encode(volume, type, path);
    byte[] header = header(volume.geometry(), type).getBytes(StandardCharsets.US_ASCII);
    VoxelEncoder.writeSafely(path, overwrite, out -> {
      out.write(header);
      GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
      z.write(data);
      z.finish();
    });
  }

  private static String typeName(VoxelType t) {
    switch (t) {
      case INT8: return "int8";
      case UINT8: return "uint8";
      case INT16: return "int16";
      case UINT16: return "uint16";
      case INT32: return "int32";
      case UINT32: return "uint32";
      case INT64: return "int64";
      case UINT64: return "uint64";
      case FLOAT32: return "float";
      case FLOAT64: return "double";
      default: throw new IllegalArgumentException(t.toString());
    }
  }

  static String header(Geometry g, VoxelType type) {
    int[] s = g.size();
    double[] d = g.direction();
    double[] sp = g.spacing();
    double[] o = g.origin();
    StringBuilder h = new StringBuilder("NRRD0004\n# written by HabitatJ\n");
    h.append("type: ").append(typeName(type)).append('\n');
    h.append("dimension: 3\nspace: left-posterior-superior\n");
    h.append("sizes: ").append(s[0]).append(' ').append(s[1]).append(' ').append(s[2])
        .append('\n');
    h.append("space directions:");
    for (int c = 0; c < 3; c++) {
      h.append(" (").append(d[c] * sp[c]).append(',').append(d[3 + c] * sp[c]).append(',')
          .append(d[6 + c] * sp[c]).append(')');
    }
    h.append("\nkinds: domain domain domain\nendian: little\nencoding: gzip\n");
    h.append("space origin: (").append(o[0]).append(',').append(o[1]).append(',').append(o[2])
        .append(")\n\n");
    return h.toString();
  }
}
