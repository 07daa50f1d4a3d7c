package org.habitatj.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Volume;

/**
 * Reads NRRD images: {@code .nrrd} (attached data) and {@code .nhdr} (detached header with a
 * {@code data file}), encodings {@code raw}, {@code gzip} and {@code ascii}, scalar types int8 …
 * float64, 2D or 3D (a trailing axis of size 1 is accepted).
 *
 * <p>Geometry, following the NRRD format specification (teem, "NRRD0004"/"NRRD0005"):
 *
 * <ul>
 *   <li>{@code space directions}: vector j is the world displacement of one step along index axis
 *       j. Spacing j = its Euclidean norm; direction column j = the vector divided by its norm
 *       (case C23: columns, not rows).
 *   <li>{@code space origin}: world position of voxel (0, 0, 0).
 *   <li>{@code space}: {@code left-posterior-superior}/LPS is kept; {@code right-anterior-superior}
 *       /RAS and {@code left-anterior-superior}/LAS are converted to LPS by negating the
 *       appropriate world coordinates. {@code scanner-xyz} and {@code 3D-right-handed} are taken as
 *       LPS with a note.
 *   <li>Without {@code space directions}: spacing from {@code spacings} (NaN or missing → 1 mm with
 *       a note), identity direction, origin 0.
 * </ul>
 *
 * <p>Data are wrapped without a further copy; the volume holds the stored values (NRRD has no
 * intensity scaling). Files are only read, never modified.
 */
public final class NrrdReader {

  private NrrdReader() {}

  /**
   * Reads a NRRD file.
   *
   * @param path a {@code .nrrd} or {@code .nhdr} file
   * @return the volume, its stored voxel type and notes
   * @throws ImageFormatException (naming the file) if the file is missing, truncated, malformed or
   *     uses an unsupported type, encoding or layout
   */
  public static LoadedImage read(Path path) throws ImageFormatException {
    byte[] file;
    try {
      file = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ImageFormatException(path, "file not found");
    } catch (IOException e) {
      throw new ImageFormatException(path, "cannot read the file (" + e.getMessage() + ")", e);
    }
    return parse(path, file);
  }

  private static LoadedImage parse(Path path, byte[] file) throws ImageFormatException {
    if (file.length < 8
        || !new String(file, 0, 7, StandardCharsets.US_ASCII).equals("NRRD000")) {
      throw new ImageFormatException(path, "not a NRRD file (it does not start with 'NRRD000')");
    }
    // ---- header: lines up to the first empty line (or end of file for a detached header)
    Map<String, String> fields = new LinkedHashMap<>();
    int pos = 0;
    int dataOffset = -1;
    boolean first = true;
    while (pos < file.length) {
      int end = pos;
      while (end < file.length && file[end] != '\n') {
        end++;
      }
      String line = new String(file, pos, end - pos, StandardCharsets.ISO_8859_1);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      pos = Math.min(end + 1, file.length);
      if (first) {
        first = false;
        continue;
      }
      if (line.isEmpty()) {
        dataOffset = pos;
        break;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int kv = line.indexOf(":=");
      int colon = line.indexOf(": ");
      if (kv >= 0 && (colon < 0 || kv < colon)) {
        continue; // key/value pair, not a field
      }
      if (colon < 0) {
        throw new ImageFormatException(path, "malformed NRRD header line: '" + line + "'");
      }
      String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      fields.put(key, line.substring(colon + 2).trim());
    }

    List<String> notes = new ArrayList<>();
    int dim = parseInt(path, require(path, fields, "dimension"), "dimension");
    VoxelType type = parseType(path, require(path, fields, "type"));
    long[] sizes = parseLongs(path, require(path, fields, "sizes"), "sizes");
    if (sizes.length != dim) {
      throw new ImageFormatException(
          path, "'sizes' has " + sizes.length + " entries but dimension is " + dim);
    }
    String kinds = fields.get("kinds");
    if (kinds != null) {
      String[] k = kinds.trim().split("\\s+");
      for (int i = 0; i < k.length; i++) {
        String kl = k[i].toLowerCase(Locale.ROOT);
        if (!(kl.equals("domain") || kl.equals("space") || kl.equals("none") || kl.equals("???"))
            && i < sizes.length && sizes[i] > 1) {
          throw new ImageFormatException(
              path,
              "axis " + i + " is of kind '" + k[i] + "' with " + sizes[i]
                  + " components; only scalar 2D/3D images are supported "
                  + "(split the channels/components first)");
        }
      }
    }
    if (dim < 2 || dim > 4 || (dim == 4 && sizes[3] != 1)) {
      throw new ImageFormatException(
          path,
          "only 2D and 3D scalar images are supported, this file has dimension " + dim
              + " with sizes " + java.util.Arrays.toString(sizes));
    }
    int[] size = {(int) sizes[0], (int) sizes[1], dim >= 3 ? (int) sizes[2] : 1};
    long nLong = (long) size[0] * size[1] * size[2];
    if (nLong * type.bytes() > Integer.MAX_VALUE - 16) {
      throw new ImageFormatException(path, "image too large (" + nLong + " voxels)");
    }
    int n = (int) nLong;

    Geometry geometry = geometry(path, fields, size, dim, notes);

    // ---- data
    String encoding = fields.getOrDefault("encoding", "raw").toLowerCase(Locale.ROOT);
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    String endian = fields.get("endian");
    if (type.bytes() > 1 && !encoding.equals("ascii") && !encoding.equals("text")
        && !encoding.equals("txt")) {
      if (endian == null) {
        throw new ImageFormatException(path, "'endian' is required for type " + type);
      }
      order = endian.equalsIgnoreCase("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }
    String dataFileName = fields.containsKey("data file") ? fields.get("data file")
        : fields.get("datafile");
    Path dataPath = path;
    byte[] data;
    int offset;
    if (dataFileName != null) {
      if (dataFileName.startsWith("LIST") || dataFileName.split("\\s+").length > 1) {
        throw new ImageFormatException(
            path, "multi-file data ('data file: " + dataFileName + "') is not supported");
      }
      dataPath = (path.getParent() == null ? Path.of(".") : path.getParent())
          .resolve(dataFileName);
      try {
        data = Files.readAllBytes(dataPath);
      } catch (NoSuchFileException e) {
        throw new ImageFormatException(
            path, "detached data file '" + dataFileName + "' not found (" + dataPath + ")");
      } catch (IOException e) {
        throw new ImageFormatException(dataPath, "cannot read the data file: " + e.getMessage(), e);
      }
      offset = 0;
    } else {
      if (dataOffset < 0) {
        throw new ImageFormatException(
            path, "no data: the header has no 'data file' field and no blank line before data");
      }
      data = file;
      offset = dataOffset;
    }
    int lineSkip = fields.containsKey("line skip")
        ? parseInt(path, fields.get("line skip"), "line skip") : 0;
    for (int i = 0; i < lineSkip; i++) {
      while (offset < data.length && data[offset] != '\n') {
        offset++;
      }
      offset++;
    }
    long byteSkip = fields.containsKey("byte skip")
        ? Long.parseLong(fields.get("byte skip").trim()) : 0;
    int need = n * type.bytes();
    byte[] raw;
    int rawOffset;
    switch (encoding) {
      case "raw":
        if (byteSkip == -1) {
          offset = data.length - need;
        } else {
          offset += (int) byteSkip;
        }
        if (offset < 0 || data.length - offset < need) {
          throw new ImageFormatException(
              dataPath,
              "truncated: " + need + " bytes of " + type + " data expected, "
                  + Math.max(0, data.length - Math.max(offset, 0)) + " found");
        }
        raw = data;
        rawOffset = offset;
        break;
      case "gzip":
      case "gz":
        raw = gunzip(dataPath, data, offset, need);
        if (byteSkip == -1) {
          rawOffset = raw.length - need;
        } else {
          rawOffset = (int) byteSkip;
        }
        if (rawOffset < 0 || raw.length - rawOffset < need) {
          throw new ImageFormatException(
              dataPath,
              "truncated: " + need + " bytes of " + type + " data expected after decompression, "
                  + Math.max(0, raw.length - Math.max(rawOffset, 0)) + " found");
        }
        break;
      case "ascii":
      case "text":
      case "txt":
        return new LoadedImage(
            path, asciiVolume(dataPath, data, offset, n, type, geometry), type, false, notes);
      default:
        throw new ImageFormatException(
            path, "encoding '" + encoding + "' is not supported (use raw, gzip or ascii)");
    }
    Object array = VoxelData.decode(raw, rawOffset, n, type, order);
    return new LoadedImage(path, VoxelData.volume(array, type, geometry, 1, 0), type, false, notes);
  }

  private static byte[] gunzip(Path path, byte[] data, int offset, int need)
      throws ImageFormatException {
    try (InputStream in = new GZIPInputStream(
        new java.io.ByteArrayInputStream(data, offset, data.length - offset), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(need);
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        out.write(buf, 0, r);
      }
      return out.toByteArray();
    } catch (EOFException e) {
      throw new ImageFormatException(
          path, "truncated: the gzip data end early (" + need + " bytes expected)", e);
    } catch (ZipException e) {
      throw new ImageFormatException(path, "corrupt gzip data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ImageFormatException(path, "cannot decompress: " + e.getMessage(), e);
    }
  }

  private static Volume asciiVolume(
      Path path, byte[] data, int offset, int n, VoxelType type, Geometry g)
      throws ImageFormatException {
    String[] tok = new String(data, offset, data.length - offset, StandardCharsets.US_ASCII)
        .trim().split("[\\s,]+");
    if (tok.length < n || (tok.length == 1 && tok[0].isEmpty())) {
      throw new ImageFormatException(
          path, "truncated: " + n + " ascii values expected, " + tok.length + " found");
    }
    double[] v = new double[n];
    try {
      for (int i = 0; i < n; i++) {
        v[i] = Double.parseDouble(tok[i]);
      }
    } catch (NumberFormatException e) {
      throw new ImageFormatException(path, "bad ascii value: " + e.getMessage());
    }
    return Volume.ofDoubles(v, g);
  }

  private static Geometry geometry(
      Path path, Map<String, String> f, int[] size, int dim, List<String> notes)
      throws ImageFormatException {
    int spaceDim = 3;
    double[] flip = {1, 1, 1};
    String space = f.get("space");
    if (space != null) {
      String s = space.trim().toLowerCase(Locale.ROOT);
      switch (s) {
        case "left-posterior-superior":
        case "lps":
          break;
        case "right-anterior-superior":
        case "ras":
          flip = new double[] {-1, -1, 1};
          break;
        case "left-anterior-superior":
        case "las":
          flip = new double[] {1, -1, 1};
          break;
        case "scanner-xyz":
        case "3d-right-handed":
          notes.add("NRRD space '" + space + "' has no anatomical meaning; taken as LPS");
          break;
        default:
          throw new ImageFormatException(
              path, "NRRD space '" + space + "' is not supported (use LPS, RAS or LAS)");
      }
    } else if (f.containsKey("space dimension")) {
      spaceDim = parseInt(path, f.get("space dimension"), "space dimension");
      notes.add("NRRD file gives 'space dimension' without 'space'; world axes taken as LPS");
    }
    String dirs = f.get("space directions");
    double[] spacing = new double[3];
    double[] direction = new double[9];
    double[] origin = new double[3];
    if (dirs != null && (space != null || f.containsKey("space dimension"))) {
      List<double[]> vectors = parseVectors(path, dirs, "space directions");
      int used = 0;
      for (double[] v : vectors) {
        if (v == null) {
          continue; // "none" for a non-spatial axis
        }
        if (v.length != spaceDim || spaceDim < 2 || spaceDim > 3) {
          throw new ImageFormatException(
              path, "space direction vector of length " + v.length + " does not match space"
                  + " dimension " + spaceDim);
        }
        if (used >= 3) {
          throw new ImageFormatException(path, "more than 3 spatial axes");
        }
        double norm = 0;
        for (double c : v) {
          norm += c * c;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || Double.isInfinite(norm)) {
          throw new ImageFormatException(
              path, "space direction of axis " + used + " has zero or invalid length");
        }
        spacing[used] = norm;
        for (int r = 0; r < spaceDim; r++) {
          direction[3 * r + used] = flip[r] * v[r] / norm;
        }
        used++;
      }
      if (used == 2) {
        // 2D image in 3D space: third axis = cross product, spacing 1 mm
        double[] a = {direction[0], direction[3], direction[6]};
        double[] b = {direction[1], direction[4], direction[7]};
        direction[2] = a[1] * b[2] - a[2] * b[1];
        direction[5] = a[2] * b[0] - a[0] * b[2];
        direction[8] = a[0] * b[1] - a[1] * b[0];
        spacing[2] = 1;
        if (spaceDim == 2) {
          direction[8] = 1;
        }
      } else if (used != 3) {
        throw new ImageFormatException(path, "expected 2 or 3 spatial axes, found " + used);
      }
      String org = f.get("space origin");
      if (org != null) {
        List<double[]> o = parseVectors(path, org, "space origin");
        if (o.size() != 1 || o.get(0) == null || o.get(0).length != spaceDim) {
          throw new ImageFormatException(path, "malformed 'space origin': " + org);
        }
        for (int r = 0; r < spaceDim; r++) {
          origin[r] = flip[r] * o.get(0)[r];
        }
      }
    } else {
      direction = Geometry.identity();
      spacing = new double[] {1, 1, 1};
      String sp = f.get("spacings");
      boolean defaulted = true;
      if (sp != null) {
        String[] t = sp.trim().split("\\s+");
        defaulted = false;
        for (int i = 0; i < Math.min(3, t.length); i++) {
          double v = parseDouble(path, t[i], "spacings");
          if (v > 0 && !Double.isInfinite(v)) {
            spacing[i] = v;
          } else if (i < dim) {
            defaulted = true;
          }
        }
      }
      if (defaulted) {
        notes.add("NRRD header gives no usable spacing for every axis; 1 mm assumed where missing");
      }
    }
    return new Geometry(size, spacing, origin, direction);
  }

  /** Parses "(a,b,c) (d,e,f) none ..." into vectors; "none" gives null. */
  private static List<double[]> parseVectors(Path path, String s, String field)
      throws ImageFormatException {
    List<double[]> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        int close = s.indexOf(')', i);
        if (close < 0) {
          throw new ImageFormatException(path, "malformed '" + field + "': " + s);
        }
        String[] parts = s.substring(i + 1, close).split(",");
        double[] v = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
          v[k] = parseDouble(path, parts[k].trim(), field);
        }
        out.add(v);
        i = close + 1;
      } else if (s.startsWith("none", i)) {
        out.add(null);
        i += 4;
      } else {
        throw new ImageFormatException(path, "malformed '" + field + "': " + s);
      }
    }
    return out;
  }

  static VoxelType parseType(Path path, String t) throws ImageFormatException {
    switch (t.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
      case "signed char": case "int8": case "int8_t":
        return VoxelType.INT8;
      case "uchar": case "unsigned char": case "uint8": case "uint8_t":
        return VoxelType.UINT8;
      case "short": case "short int": case "signed short": case "signed short int":
      case "int16": case "int16_t":
        return VoxelType.INT16;
      case "ushort": case "unsigned short": case "unsigned short int": case "uint16":
      case "uint16_t":
        return VoxelType.UINT16;
      case "int": case "signed int": case "int32": case "int32_t":
        return VoxelType.INT32;
      case "uint": case "unsigned int": case "uint32": case "uint32_t":
        return VoxelType.UINT32;
      case "longlong": case "long long": case "long long int": case "signed long long":
      case "signed long long int": case "int64": case "int64_t":
        return VoxelType.INT64;
      case "ulonglong": case "unsigned long long": case "unsigned long long int": case "uint64":
      case "uint64_t":
        return VoxelType.UINT64;
      case "float":
        return VoxelType.FLOAT32;
      case "double":
        return VoxelType.FLOAT64;
      default:
        throw new ImageFormatException(
            path, "NRRD type '" + t + "' is not supported (int8 … int64, float, double are)");
    }
  }

  private static String require(Path path, Map<String, String> f, String key)
      throws ImageFormatException {
    String v = f.get(key);
    if (v == null) {
      throw new ImageFormatException(path, "NRRD header lacks the required field '" + key + "'");
    }
    return v;
  }

  private static int parseInt(Path path, String s, String field) throws ImageFormatException {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new ImageFormatException(path, "bad '" + field + "' value: " + s);
    }
  }

  private static double parseDouble(Path path, String s, String field)
      throws ImageFormatException {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      if (s.trim().equalsIgnoreCase("nan")) {
        return Double.NaN;
      }
      throw new ImageFormatException(path, "bad number in '" + field + "': " + s);
    }
  }

  private static long[] parseLongs(Path path, String s, String field)
      throws ImageFormatException {
    String[] t = s.trim().split("\\s+");
    long[] out = new long[t.length];
    for (int i = 0; i < t.length; i++) {
      try {
        out[i] = Long.parseLong(t[i]);
      } catch (NumberFormatException e) {
        throw new ImageFormatException(path, "bad '" + field + "' value: " + s);
      }
      if (out[i] < 1) {
        throw new ImageFormatException(path, "'" + field + "' must be positive: " + s);
      }
    }
    return out;
  }
}
