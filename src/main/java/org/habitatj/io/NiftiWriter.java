package org.habitatj.io;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import net.imglib2.img.array.ArrayImgs;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;

/**
 * Writes masks and maps as NIfTI-1 single files ({@code .nii}, or gzip-compressed {@code
 * .nii.gz}), little-endian, with the source geometry.
 *
 * <p>Header: dim = (3, x, y, z), pixdim = (qfac, spacing x, y, z), xyzt_units = mm, scl_slope 1 /
 * scl_inter 0, and both transforms set consistently with code 1 (scanner anatomical): sform =
 * RAS direction · diag(spacing) with the RAS origin as translation, and qform = the same rotation
 * as a quaternion (qfac = −1 when the direction has a negative determinant). RAS = HabitatJ's LPS
 * with the first two world coordinates negated. Reading the file back with {@link NiftiReader}
 * gives the same grid and the same voxel indices (case C14). The voxel order is (x, y, z), x
 * fastest, as in the {@link Volume}.
 */
public final class NiftiWriter {

  private NiftiWriter() {}

  /** Writes a mask as uint8 0/1; refuses to overwrite an existing file. */
  public static void write(Mask mask, Path path) throws ImageFormatException {
    write(mask, path, false);
  }

  /**
   * Writes a mask as uint8 0/1.
   *
   * @param overwrite whether an existing file may be replaced
   * @throws ImageFormatException naming the file if it exists (and overwrite is false) or cannot
   *     be written
   */
  public static void write(Mask mask, Path path, boolean overwrite) throws ImageFormatException {
    int[] s = mask.geometry().size();
    Volume v = new Volume(ArrayImgs.unsignedBytes(mask.data(), s[0], s[1], s[2]),
        mask.geometry());
    write(v, VoxelType.UINT8, path, overwrite);
  }

  /**
   * Writes a volume (e.g. a feature map; NaN kept in float types).
   *
   * @param type UINT8, INT8, INT16, UINT16, INT32, FLOAT32 or FLOAT64; integer types require
   *     integer values in range
   * @param overwrite whether an existing file may be replaced
   * @throws ImageFormatException naming the file if it exists (and overwrite is false), cannot be
   *     written, or a value does not fit the type
   */
  public static void write(Volume volume, VoxelType type, Path path, boolean overwrite)
      throws ImageFormatException {
    byte[] data = VoxelEncoder.encode(volume, type, path);
    byte[] header = header(volume.geometry(), type);
    boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    VoxelEncoder.writeSafely(path, overwrite, out -> {
      OutputStream o = gz ? new GZIPOutputStream(out, 1 << 16) : out;
      o.write(header);
      o.write(data);
      if (gz) {
        ((GZIPOutputStream) o).finish();
      }
    });
  }

  static short datatypeCode(VoxelType t) {
    switch (t) {
      case UINT8: return 2;
      case INT16: return 4;
      case INT32: return 8;
      case FLOAT32: return 16;
      case FLOAT64: return 64;
      case INT8: return 256;
      case UINT16: return 512;
      case UINT32: return 768;
      case INT64: return 1024;
      case UINT64: return 1280;
      default: throw new IllegalArgumentException(t.toString());
    }
  }

  /** The 348-byte header plus 4 bytes of empty extension flag (vox_offset 352). */
  static byte[] header(Geometry g, VoxelType type) {
    ByteBuffer b = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 348);
    int[] s = g.size();
    short[] dim = {3, (short) s[0], (short) s[1], (short) s[2], 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, dim[i]);
    }
    b.putShort(70, datatypeCode(type));
    b.putShort(72, (short) (8 * type.bytes()));
    // RAS direction and origin
    double[] d = g.direction();
    for (int c = 0; c < 3; c++) {
      d[c] = -d[c];
      d[3 + c] = -d[3 + c];
    }
    double[] o = g.origin();
    o[0] = -o[0];
    o[1] = -o[1];
    double[] sp = g.spacing();
    double det = d[0] * (d[4] * d[8] - d[5] * d[7]) - d[1] * (d[3] * d[8] - d[5] * d[6])
        + d[2] * (d[3] * d[7] - d[4] * d[6]);
    float qfac = det < 0 ? -1f : 1f;
    b.putFloat(76, qfac);
    for (int i = 0; i < 3; i++) {
      b.putFloat(80 + 4 * i, (float) sp[i]);
    }
    b.putFloat(108, 352f);
    b.putFloat(112, 1f); // scl_slope
    b.putFloat(116, 0f); // scl_inter
    b.put(123, (byte) 2); // xyzt_units: mm
    byte[] descrip = "HabitatJ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < descrip.length; i++) {
      b.put(148 + i, descrip[i]);
    }
    b.putShort(252, (short) 1); // qform_code scanner
    b.putShort(254, (short) 1); // sform_code scanner
    // quaternion of the proper rotation (third column times qfac)
    double[] r = d.clone();
    r[2] *= qfac;
    r[5] *= qfac;
    r[8] *= qfac;
    double[] q = quaternion(r);
    b.putFloat(256, (float) q[1]);
    b.putFloat(260, (float) q[2]);
    b.putFloat(264, (float) q[3]);
    for (int i = 0; i < 3; i++) {
      b.putFloat(268 + 4 * i, (float) o[i]);
    }
    for (int row = 0; row < 3; row++) {
      for (int c = 0; c < 3; c++) {
        b.putFloat(280 + 16 * row + 4 * c, (float) (d[3 * row + c] * sp[c]));
      }
      b.putFloat(280 + 16 * row + 12, (float) o[row]);
    }
    b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
    return b.array();
  }

  /**
   * Unit quaternion (a, b, c, d), a ≥ 0, of a proper rotation matrix R (row-major), inverting
   * R = [[a²+b²−c²−d², 2(bc−ad), 2(bd+ac)], [2(bc+ad), a²+c²−b²−d², 2(cd−ab)],
   * [2(bd−ac), 2(cd+ab), a²+d²−b²−c²]] (NIfTI-1 qform), choosing the numerically largest
   * component first.
   */
  static double[] quaternion(double[] r) {
    double r11 = r[0];
    double r12 = r[1];
    double r13 = r[2];
    double r21 = r[3];
    double r22 = r[4];
    double r23 = r[5];
    double r31 = r[6];
    double r32 = r[7];
    double r33 = r[8];
    double tr = r11 + r22 + r33;
    double a;
    double b;
    double c;
    double d;
    if (tr > 0) {
      a = 0.5 * Math.sqrt(1 + tr);
      b = (r32 - r23) / (4 * a);
      c = (r13 - r31) / (4 * a);
      d = (r21 - r12) / (4 * a);
    } else if (r11 >= r22 && r11 >= r33) {
      b = 0.5 * Math.sqrt(1 + r11 - r22 - r33);
      a = (r32 - r23) / (4 * b);
      c = (r12 + r21) / (4 * b);
      d = (r13 + r31) / (4 * b);
    } else if (r22 >= r33) {
      c = 0.5 * Math.sqrt(1 - r11 + r22 - r33);
      a = (r13 - r31) / (4 * c);
      b = (r12 + r21) / (4 * c);
      d = (r23 + r32) / (4 * c);
    } else {
      d = 0.5 * Math.sqrt(1 - r11 - r22 + r33);
      a = (r21 - r12) / (4 * d);
      b = (r13 + r31) / (4 * d);
      c = (r23 + r32) / (4 * d);
    }
    if (a < 0) {
      a = -a;
      b = -b;
      c = -c;
      d = -d;
    }
    return new double[] {a, b, c, d};
  }
}
