package org.habitatj.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.habitatj.core.image.Geometry;

/**
 * Reads NIfTI-1 images: {@code .nii}, {@code .nii.gz} and the two-file {@code .hdr}/{@code .img}
 * pair (magic {@code ni1}), either byte order.
 *
 * <p>Data types (NIfTI-1 datatype codes): uint8 (2), int16 (4), int32 (8), float32 (16), float64
 * (64), int8 (256), uint16 (512), uint32 (768), int64 (1024), uint64 (1280). Complex and RGB types
 * are refused with a message naming the type.
 *
 * <p><b>Intensities</b>: {@code scl_slope}/{@code scl_inter} are applied as the NIfTI-1 standard
 * defines them: value = scl_slope · stored + scl_inter, and no scaling at all when scl_slope is 0
 * (or not finite). Slope 1 / intercept 0 keeps the stored type.
 *
 * <p><b>Voxel order</b>: the file's order (i fastest) is kept as (x, y, z); the reader never flips
 * or reorders voxels, so an image and a mask with the same header land on the same indices (case
 * C14). Orientation lives only in the {@link Geometry}.
 *
 * <p><b>Geometry</b>, with the precedence of ITK's NiftiImageIO (SimpleITK, which PyRadiomics
 * uses):
 *
 * <ol>
 *   <li>the sform (direction = srow columns divided by their norms, origin = srow translation) when
 *       sform_code &gt; 0, its columns are orthonormal after normalisation, and either qform_code
 *       is 0, or sform_code is 1 (scanner anatomical), or the qform describes the same transform;
 *   <li>otherwise the qform when qform_code &gt; 0: rotation from the quaternion (b, c, d), a =
 *       √(1 − b² − c² − d²), third column times qfac = pixdim[0] (−1, else 1); origin = qoffset;
 *   <li>otherwise (both codes 0, Analyze-style): identity direction and origin 0 in LPS, as ITK
 *       (a note says so).
 * </ol>
 *
 * Spacing is |pixdim[1..3]| (1 mm with a note if 0). NIfTI world space is RAS; the reader converts
 * to HabitatJ's LPS by negating the first two rows of the direction and the first two origin
 * coordinates. E.g. the IBSI STS files (qform_code 1, sform_code 0, quaternion (0, 0, 1)) give the
 * LPS identity direction and origin (−qoffset_x, −qoffset_y, qoffset_z).
 *
 * <p>4D files with more than one volume are refused unless a volume index is given.
 */
public final class NiftiReader {

  private NiftiReader() {}

  /**
   * Reads a 2D/3D NIfTI-1 file (a 4D file must have a single volume).
   *
   * @throws ImageFormatException naming the file, for missing, truncated, malformed or
   *     unsupported files
   */
  public static LoadedImage read(Path path) throws ImageFormatException {
    return read(path, -1);
  }

  /**
   * Reads one volume of a NIfTI-1 file.
   *
   * @param path {@code .nii}, {@code .nii.gz} or {@code .hdr}
   * @param volumeIndex 0-based volume (4th dimension) to read, or −1 to require a single volume
   * @throws ImageFormatException naming the file, for missing, truncated, malformed or
   *     unsupported files, or a 4D file without a volume index
   */
  public static LoadedImage read(Path path, int volumeIndex) throws ImageFormatException {
    byte[] bytes = readMaybeGzip(path);
    if (bytes.length < 348) {
      throw new ImageFormatException(
          path, "truncated or not a NIfTI file (" + bytes.length + " bytes, header needs 348)");
    }
    ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int sizeofHdr = h.getInt(0);
    if (sizeofHdr != 348) {
      h.order(ByteOrder.BIG_ENDIAN);
      int be = h.getInt(0);
      if (be == 540 || sizeofHdr == 540) {
        throw new ImageFormatException(path, "NIfTI-2 files are not supported (NIfTI-1 only)");
      }
      if (be != 348) {
        throw new ImageFormatException(path, "not a NIfTI-1 file (sizeof_hdr is not 348)");
      }
    }
    String magic = new String(bytes, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
    boolean single = magic.equals("n+1");
    boolean pair = magic.equals("ni1");
    if (!single && !pair) {
      throw new ImageFormatException(
          path, "not a NIfTI-1 file (magic is not 'n+1' or 'ni1'; plain Analyze 7.5 is not "
              + "supported)");
    }
    List<String> notes = new ArrayList<>();
    short[] dim = new short[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = h.getShort(40 + 2 * i);
    }
    int ndim = dim[0];
    if (ndim < 1 || ndim > 7) {
      throw new ImageFormatException(path, "invalid dim[0] = " + ndim);
    }
    int[] size = {1, 1, 1};
    for (int i = 0; i < Math.min(3, ndim); i++) {
      if (dim[i + 1] < 1) {
        throw new ImageFormatException(path, "invalid dim[" + (i + 1) + "] = " + dim[i + 1]);
      }
      size[i] = dim[i + 1];
    }
    long volumes = 1;
    for (int i = 4; i <= ndim; i++) {
      volumes *= Math.max(1, dim[i]);
    }
    if (volumes > 1 && volumeIndex < 0) {
      throw new ImageFormatException(
          path, "the file holds " + volumes + " volumes (4D/5D data, dim = " + dimString(dim)
              + "); choose one volume explicitly");
    }
    if (volumeIndex >= Math.max(1, volumes)) {
      throw new ImageFormatException(
          path, "volume " + volumeIndex + " requested but the file holds " + volumes);
    }
    int vol = Math.max(0, volumeIndex);
    short datatype = h.getShort(70);
    VoxelType type = voxelType(path, datatype);
    float[] pixdim = new float[8];
    for (int i = 0; i < 8; i++) {
      pixdim[i] = h.getFloat(76 + 4 * i);
    }
    float voxOffset = h.getFloat(108);
    double slope = h.getFloat(112);
    double inter = h.getFloat(116);
    int xyztUnits = bytes[123] & 0xff;
    short qformCode = h.getShort(252);
    short sformCode = h.getShort(254);
    double qb = h.getFloat(256);
    double qc = h.getFloat(260);
    double qd = h.getFloat(264);
    double[] qoffset = {h.getFloat(268), h.getFloat(272), h.getFloat(276)};
    double[][] srow = new double[3][4];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        srow[r][c] = h.getFloat(280 + 16 * r + 4 * c);
      }
    }

    // ---- spacing (pixdim, in mm)
    double unitScale = 1;
    switch (xyztUnits & 0x07) {
      case 1: // metre
        unitScale = 1000;
        notes.add("spatial unit is metre: converted to mm");
        break;
      case 3: // micron
        unitScale = 0.001;
        notes.add("spatial unit is micron: converted to mm");
        break;
      default: // 0 unknown, 2 mm
        break;
    }
    double[] spacing = new double[3];
    for (int i = 0; i < 3; i++) {
      double p = Math.abs(pixdim[i + 1]);
      if (i >= ndim) {
        p = p > 0 && Double.isFinite(p) ? p : 1;
      } else if (!(p > 0) || !Double.isFinite(p)) {
        notes.add("pixdim[" + (i + 1) + "] is " + pixdim[i + 1] + ": 1 mm assumed");
        p = 1;
      }
      spacing[i] = p * unitScale;
    }

    // ---- orientation (RAS), then to LPS; precedence as ITK's NiftiImageIO
    double[] sDir = null;
    double[] sOrigin = null;
    if (sformCode > 0) {
      double[] d = new double[9];
      double[] norms = new double[3];
      for (int c = 0; c < 3; c++) {
        double n = Math.sqrt(srow[0][c] * srow[0][c] + srow[1][c] * srow[1][c]
            + srow[2][c] * srow[2][c]);
        norms[c] = n;
        for (int r = 0; r < 3; r++) {
          d[3 * r + c] = n > 0 ? srow[r][c] / n : 0;
        }
      }
      if (orthonormal(d)) {
        sDir = d;
        sOrigin = new double[] {srow[0][3] * unitScale, srow[1][3] * unitScale,
          srow[2][3] * unitScale};
        for (int c = 0; c < 3; c++) {
          if (Math.abs(norms[c] * unitScale - spacing[c]) > 1e-4 * spacing[c]) {
            notes.add(String.format(Locale.ROOT,
                "sform column %d has length %.6g mm but pixdim[%d] = %.6g mm; pixdim used as "
                    + "the spacing (as ITK does)", c, norms[c] * unitScale, c + 1, spacing[c]));
          }
        }
      } else {
        notes.add("sform is sheared or degenerate (not a rotation); "
            + (qformCode > 0 ? "qform used instead" : "ignored"));
      }
    }
    double[] qDir = null;
    double[] qOrigin = null;
    if (qformCode > 0) {
      double a2 = 1 - (qb * qb + qc * qc + qd * qd);
      double a;
      if (a2 < 1e-7) {
        // 180° rotation: renormalise (b, c, d), a = 0 (nifti1_io convention)
        double n = Math.sqrt(qb * qb + qc * qc + qd * qd);
        qb /= n;
        qc /= n;
        qd /= n;
        a = 0;
      } else {
        a = Math.sqrt(a2);
      }
      double qfac = pixdim[0] < 0 ? -1 : 1;
      qDir = new double[] {
        a * a + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - a * qd), qfac * 2 * (qb * qd + a * qc),
        2 * (qb * qc + a * qd), a * a + qc * qc - qb * qb - qd * qd, qfac * 2 * (qc * qd - a * qb),
        2 * (qb * qd - a * qc), 2 * (qc * qd + a * qb), qfac * (a * a + qd * qd - qc * qc - qb * qb)
      };
      qOrigin = new double[] {qoffset[0] * unitScale, qoffset[1] * unitScale,
        qoffset[2] * unitScale};
    }
    double[] dirRas;
    double[] originRas;
    boolean lpsIdentity = false;
    if (sDir != null && (qDir == null || sformCode == 1
        || similar(sDir, sOrigin, qDir, qOrigin, spacing))) {
      dirRas = sDir;
      originRas = sOrigin;
    } else if (qDir != null) {
      dirRas = qDir;
      originRas = qOrigin;
      if (sDir != null) {
        notes.add("sform (code " + sformCode + ") and qform differ; the qform (code " + qformCode
            + ") is used, as ITK does");
      }
    } else {
      dirRas = null;
      originRas = new double[3];
      lpsIdentity = true;
      notes.add("no qform or sform (both codes 0): orientation unknown; identity direction and "
          + "origin 0 assumed (as ITK does)");
    }
    double[] dir;
    if (lpsIdentity) {
      dir = Geometry.identity();
    } else {
      dir = dirRas.clone();
      for (int c = 0; c < 3; c++) {
        dir[c] = -dir[c];
        dir[3 + c] = -dir[3 + c];
      }
    }
    double[] origin = {-originRas[0], -originRas[1], originRas[2]};
    if (lpsIdentity) {
      origin = new double[3];
    }
    Geometry geometry = new Geometry(size, spacing, origin, dir);

    // ---- data
    byte[] data;
    int offset;
    Path dataPath = path;
    if (single) {
      offset = (int) voxOffset;
      if (offset < 348) {
        throw new ImageFormatException(path, "invalid vox_offset " + voxOffset);
      }
      data = bytes;
    } else {
      String name = path.getFileName().toString();
      String base = name.replaceFirst("(?i)\\.hdr(\\.gz)?$", "");
      Path img = path.resolveSibling(base + ".img");
      if (!Files.exists(img) && Files.exists(path.resolveSibling(base + ".img.gz"))) {
        img = path.resolveSibling(base + ".img.gz");
      }
      data = readMaybeGzip(img);
      offset = Math.max(0, (int) voxOffset);
      dataPath = img;
    }
    long n = (long) size[0] * size[1] * size[2];
    long need = n * type.bytes();
    long start = offset + vol * need;
    if (need > Integer.MAX_VALUE - 16) {
      throw new ImageFormatException(path, "image too large (" + n + " voxels)");
    }
    if (data.length - start < need) {
      throw new ImageFormatException(
          dataPath, "truncated: " + need + " bytes of " + type + " voxel data expected at offset "
              + start + ", " + Math.max(0, data.length - start) + " found");
    }
    Object array = VoxelData.decode(data, (int) start, (int) n, type, h.order());
    boolean scaled = slope != 0 && Double.isFinite(slope) && Double.isFinite(inter)
        && !(slope == 1 && inter == 0);
    return new LoadedImage(
        path,
        VoxelData.volume(array, type, geometry, scaled ? slope : 1, scaled ? inter : 0),
        type, scaled, notes);
  }

  /** Whether two transforms agree: directions within 1e-5, origins within 1e-5 of a voxel. */
  private static boolean similar(double[] d1, double[] o1, double[] d2, double[] o2,
      double[] spacing) {
    for (int i = 0; i < 9; i++) {
      if (Math.abs(d1[i] - d2[i]) > 1e-5) {
        return false;
      }
    }
    double tol = 1e-5 * Math.max(spacing[0], Math.max(spacing[1], spacing[2]));
    for (int i = 0; i < 3; i++) {
      if (Math.abs(o1[i] - o2[i]) > tol) {
        return false;
      }
    }
    return true;
  }

  private static boolean orthonormal(double[] d) {
    for (int a = 0; a < 3; a++) {
      for (int b = a; b < 3; b++) {
        double dot = d[a] * d[b] + d[3 + a] * d[3 + b] + d[6 + a] * d[6 + b];
        if (Math.abs(dot - (a == b ? 1 : 0)) > 1e-4) {
          return false;
        }
      }
    }
    return true;
  }

  private static String dimString(short[] dim) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= dim[0]; i++) {
      s.append(i > 1 ? "×" : "").append(dim[i]);
    }
    return s.toString();
  }

  static VoxelType voxelType(Path path, int datatype) throws ImageFormatException {
    switch (datatype) {
      case 2: return VoxelType.UINT8;
      case 4: return VoxelType.INT16;
      case 8: return VoxelType.INT32;
      case 16: return VoxelType.FLOAT32;
      case 64: return VoxelType.FLOAT64;
      case 256: return VoxelType.INT8;
      case 512: return VoxelType.UINT16;
      case 768: return VoxelType.UINT32;
      case 1024: return VoxelType.INT64;
      case 1280: return VoxelType.UINT64;
      case 1: return unsupported(path, "binary (1 bit)");
      case 32: return unsupported(path, "complex64");
      case 128: return unsupported(path, "RGB24");
      case 1536: return unsupported(path, "float128");
      case 1792: return unsupported(path, "complex128");
      case 2048: return unsupported(path, "complex256");
      case 2304: return unsupported(path, "RGBA32");
      default: return unsupported(path, "unknown datatype code " + datatype);
    }
  }

  private static VoxelType unsupported(Path path, String what) throws ImageFormatException {
    throw new ImageFormatException(
        path, "NIfTI data type " + what + " is not supported (use uint8, int8, int16, uint16, "
            + "int32, uint32, int64, float32 or float64)");
  }

  /** Reads a whole file, gunzipping it if it starts with the gzip magic bytes. */
  static byte[] readMaybeGzip(Path path) throws ImageFormatException {
    byte[] raw;
    try {
      raw = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ImageFormatException(path, "file not found");
    } catch (IOException e) {
      throw new ImageFormatException(path, "cannot read the file (" + e.getMessage() + ")", e);
    }
    if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
        byte[] buf = new byte[1 << 16];
        int r;
        while ((r = in.read(buf)) > 0) {
          out.write(buf, 0, r);
        }
        return out.toByteArray();
      } catch (EOFException e) {
        throw new ImageFormatException(path, "truncated: the gzip stream ends early", e);
      } catch (ZipException e) {
        throw new ImageFormatException(path, "corrupt gzip data: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new ImageFormatException(path, "cannot decompress: " + e.getMessage(), e);
      }
    }
    return raw;
  }
}
