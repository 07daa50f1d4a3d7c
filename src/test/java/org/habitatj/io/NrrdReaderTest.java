package org.habitatj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NrrdReaderTest {

  @TempDir Path tmp;

  /**
   * PyRadiomics' own test cases against the diagnostics it recorded (SimpleITK reader): size,
   * spacing, ROI voxel count, bounding box, centre of mass in index and in world (LPS) space
   * (which checks origin and direction), and the image mean/min/max (which checks the decoded
   * voxel values). Reference: ../shared/reference/whole_roi/<case>__default.csv.
   */
  @ParameterizedTest
  @CsvSource({
    "brain1__default.csv, pyradiomics/brain1_image.nrrd, pyradiomics/brain1_label.nrrd, 1",
    "breast1__default.csv, pyradiomics/breast1_image.nrrd, pyradiomics/breast1_label.nrrd, 1",
    "prostate_phantom_subvolume-label1__default.csv, pyradiomics/prostate_phantom_subvolume.nrrd,"
        + " pyradiomics/prostate_phantom_subvolume-label.nrrd, 1",
    "prostate_phantom_subvolume-label7__default.csv, pyradiomics/prostate_phantom_subvolume.nrrd,"
        + " pyradiomics/prostate_phantom_subvolume-label.nrrd, 7",
    "prostate_phantom_subvolume-label8__default.csv, pyradiomics/prostate_phantom_subvolume.nrrd,"
        + " pyradiomics/prostate_phantom_subvolume-label.nrrd, 8",
    "prostate_phantom_subvolume-label9__default.csv, pyradiomics/prostate_phantom_subvolume.nrrd,"
        + " pyradiomics/prostate_phantom_subvolume-label.nrrd, 9",
  })
  void pyradiomicsCasesMatchRecordedDiagnostics(String ref, String image, String label, int lab)
      throws IOException {
    Map<String, String> d = SharedData.twoColumn(SharedData.reference("whole_roi/" + ref));
    LoadedImage img = NrrdReader.read(SharedData.data(image));
    LoadedImage lbl = NrrdReader.read(SharedData.data(label));
    Geometry g = img.geometry();
    double[] size = SharedData.tuple(d.get("diagnostics_Image-original_Size"));
    assertArrayEquals(new int[] {(int) size[0], (int) size[1], (int) size[2]}, g.size());
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Image-original_Spacing")), g.spacing(), 1e-12);
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Mask-original_Spacing")),
        lbl.geometry().spacing(), 1e-12);
    Masks.checkSameGrid(g, lbl.geometry(), image, label);

    Mask m = Masks.fromLabelImage(lbl.volume(), Masks.LabelChoice.label(lab)).mask();
    assertEquals(Integer.parseInt(d.get("diagnostics_Mask-original_VoxelNum")), m.count());
    int[] bb = m.boundingBox();
    double[] rbb = SharedData.tuple(d.get("diagnostics_Mask-original_BoundingBox"));
    assertArrayEquals(
        rbb,
        new double[] {bb[0], bb[1], bb[2], bb[3] - bb[0] + 1, bb[4] - bb[1] + 1,
          bb[5] - bb[2] + 1},
        0);
    // centre of mass: index and world
    double[] com = new double[3];
    int[] s = g.size();
    for (int z = 0, i = 0; z < s[2]; z++) {
      for (int y = 0; y < s[1]; y++) {
        for (int x = 0; x < s[0]; x++, i++) {
          if (m.contains(i)) {
            com[0] += x;
            com[1] += y;
            com[2] += z;
          }
        }
      }
    }
    for (int a = 0; a < 3; a++) {
      com[a] /= m.count();
    }
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Mask-original_CenterOfMassIndex")), com, 1e-9);
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Mask-original_CenterOfMass")),
        g.indexToWorld(com[0], com[1], com[2]), 1e-9);
    // voxel values
    double[] v = img.volume().toDoubleArray();
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = Double.parseDouble(d.get("diagnostics_Image-original_Mean"));
    assertEquals(mean, sum / v.length, 1e-9 * Math.abs(mean));
    assertEquals(Double.parseDouble(d.get("diagnostics_Image-original_Minimum")), min, 0);
    assertEquals(Double.parseDouble(d.get("diagnostics_Image-original_Maximum")), max, 0);
  }

  /** PyRadiomics' shipped baseline (real SimpleITK), columns brain1 and breast1. */
  @ParameterizedTest
  @CsvSource({"brain1, 4137", "breast1, 143"})
  void shippedBaselineSpacingAndVoxelCount(String kase, int voxels) throws IOException {
    Map<String, String> d = SharedData.baselineColumn(
        SharedData.data("pyradiomics/baseline/baseline_firstorder.csv"), kase);
    LoadedImage img = NrrdReader.read(SharedData.data("pyradiomics/" + kase + "_image.nrrd"));
    LoadedImage lbl = NrrdReader.read(SharedData.data("pyradiomics/" + kase + "_label.nrrd"));
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Image-original_Spacing")),
        img.geometry().spacing(), 1e-15);
    Mask m = Masks.fromLabelImage(lbl.volume(), Masks.LabelChoice.label(1)).mask();
    assertEquals(voxels, Integer.parseInt(d.get("diagnostics_Mask-original_VoxelNum")));
    assertEquals(voxels, m.count());
    assertEquals(VoxelType.INT16, img.voxelType());
  }

  /** brain1 header: space directions (0.78125,0,0) (0,-0.78125,0) (0,0,6.5), LPS. */
  @Test
  void brain1DirectionHasNegativeY() throws IOException {
    Geometry g = NrrdReader.read(SharedData.data("pyradiomics/brain1_label.nrrd")).geometry();
    assertArrayEquals(new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1}, g.direction(), 0);
    assertArrayEquals(
        new double[] {-99.609374999999986, 99.609374999999986, -77.999999999999957},
        g.origin(), 0);
  }

  private static final String C23_HEADER =
      "NRRD0004\n# C23\ntype: short\ndimension: 3\nspace: left-posterior-superior\n"
          + "sizes: 4 3 2\n"
          + "space directions: (0.7071,0.7071,0) (-0.7071,0.7071,0) (0,0,2.5)\n"
          + "kinds: domain domain domain\nendian: little\n";

  private static byte[] int16Data(int n, ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(2 * n).order(order);
    for (int i = 0; i < n; i++) {
      b.putShort((short) (i - 5));
    }
    return b.array();
  }

  /**
   * Case C23: spacing = norms of the direction vectors (√(0.7071²·2) = 0.99999…, i.e. 1.0 to
   * 1e-4), direction vectors are COLUMNS, origin (10,20,30) LPS = (−10,−20,30) RAS.
   */
  @Test
  void c23SpaceDirectionsAreColumns() throws IOException {
    Path f = tmp.resolve("c23.nrrd");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write((C23_HEADER + "space origin: (10,20,30)\nencoding: raw\n\n")
        .getBytes(StandardCharsets.US_ASCII));
    o.write(int16Data(24, ByteOrder.LITTLE_ENDIAN));
    Files.write(f, o.toByteArray());
    LoadedImage li = NrrdReader.read(f);
    Geometry g = li.geometry();
    double norm = Math.sqrt(2 * 0.7071 * 0.7071); // 0.99999040...
    assertArrayEquals(new double[] {norm, norm, 2.5}, g.spacing(), 1e-15);
    assertEquals(1.0, g.spacing(0), 1e-4);
    double c = 0.7071 / norm; // = 1/√2
    assertArrayEquals(new double[] {c, -c, 0, c, c, 0, 0, 0, 1}, g.direction(), 1e-15);
    assertEquals(Math.sqrt(0.5), c, 1e-15);
    assertArrayEquals(new double[] {10, 20, 30}, g.origin(), 0);
    // index (1,0,0) moves along the first vector: world = origin + (0.7071, 0.7071, 0)
    assertArrayEquals(new double[] {10.7071, 20.7071, 30}, g.indexToWorld(1, 0, 0), 1e-12);
    assertArrayEquals(new double[] {10 - 0.7071, 20.7071, 30}, g.indexToWorld(0, 1, 0), 1e-12);
    double[] v = li.volume().toDoubleArray();
    assertEquals(-5, v[0]);
    assertEquals(18, v[23]);
    assertEquals(VoxelType.INT16, li.voxelType());

    // Same grid described in RAS: vectors and origin with x, y negated -> identical LPS geometry
    Path r = tmp.resolve("c23ras.nrrd");
    o = new ByteArrayOutputStream();
    o.write(("NRRD0005\ntype: int16\ndimension: 3\nspace: RAS\nsizes: 4 3 2\n"
        + "space directions: (-0.7071,-0.7071,0) (0.7071,-0.7071,0) (0,0,2.5)\n"
        + "space origin: (-10,-20,30)\nendian: big\nencoding: raw\n\n")
        .getBytes(StandardCharsets.US_ASCII));
    o.write(int16Data(24, ByteOrder.BIG_ENDIAN));
    Files.write(r, o.toByteArray());
    LoadedImage ras = NrrdReader.read(r);
    assertTrue(ras.geometry().sameGrid(g));
    assertArrayEquals(v, ras.volume().toDoubleArray(), 0);
  }

  /** Detached header (.nhdr + .raw.gz), gzip encoding, 'spacings' fallback, 2D image. */
  @Test
  void detachedGzipHeaderAndSpacingsFallback() throws IOException {
    float[] vals = {0.5f, -1.25f, 3f, 1e6f, 7f, 8f};
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
    for (float x : vals) {
      b.putFloat(x);
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(b.array());
    }
    Files.write(tmp.resolve("img.raw.gz"), gz.toByteArray());
    Path h = tmp.resolve("img.nhdr");
    Files.writeString(h, "NRRD0004\ntype: float\ndimension: 2\nsizes: 3 2\nspacings: 0.5 0.25\n"
        + "endian: big\nencoding: gzip\ndata file: img.raw.gz\n");
    LoadedImage li = NrrdReader.read(h);
    assertArrayEquals(new int[] {3, 2, 1}, li.geometry().size());
    assertArrayEquals(new double[] {0.5, 0.25, 1}, li.geometry().spacing(), 0);
    double[] v = li.volume().toDoubleArray();
    for (int i = 0; i < vals.length; i++) {
      assertEquals(vals[i], v[i], 0);
    }
    assertEquals(VoxelType.FLOAT32, li.voxelType());
  }

  @ParameterizedTest
  @CsvSource({
    "signed char, 1, INT8", "uchar, 1, UINT8", "short, 2, INT16", "ushort, 2, UINT16",
    "int, 4, INT32", "unsigned int, 4, UINT32", "longlong, 8, INT64", "double, 8, FLOAT64"
  })
  void allScalarTypes(String type, int bytes, VoxelType expected) throws IOException {
    // two voxels: stored bit patterns of -1 (all ones) and 2
    ByteBuffer b = ByteBuffer.allocate(2 * bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (expected == VoxelType.FLOAT64) {
      b.putDouble(-1).putDouble(2);
    } else {
      for (int i = 0; i < bytes; i++) {
        b.put((byte) 0xff);
      }
      b.put((byte) 2);
    }
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(("NRRD0004\ntype: " + type + "\ndimension: 3\nsizes: 2 1 1\nendian: little\n"
        + "encoding: raw\n\n").getBytes(StandardCharsets.US_ASCII));
    o.write(b.array());
    Path f = tmp.resolve("t.nrrd");
    Files.write(f, o.toByteArray());
    LoadedImage li = NrrdReader.read(f);
    assertEquals(expected, li.voxelType());
    double first = expected.isSigned() ? -1 : Math.pow(2, 8 * bytes) - 1;
    assertArrayEquals(new double[] {first, 2}, li.volume().toDoubleArray(), 0);
  }

  @Test
  void errorsNameTheFile() throws IOException {
    Path missing = tmp.resolve("nope.nrrd");
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> NrrdReader.read(missing));
    assertTrue(e.getMessage().contains("nope.nrrd") && e.getMessage().contains("not found"),
        e.getMessage());

    // truncated gzip: take the real breast1 label and cut it in half
    byte[] full = Files.readAllBytes(SharedDataOrSynthetic.gzipNrrd(tmp));
    Path cut = tmp.resolve("cut.nrrd");
    Files.write(cut, Arrays.copyOf(full, full.length - 20));
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(cut));
    assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated"),
        e.getMessage());

    // truncated raw
    Path raw = tmp.resolve("raw.nrrd");
    Files.write(raw, (C23_HEADER + "encoding: raw\n\n" + "abc").getBytes(StandardCharsets.US_ASCII));
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(raw));
    assertTrue(e.getMessage().contains("raw.nrrd") && e.getMessage().contains("48 bytes"),
        e.getMessage());

    // unsupported type and encoding
    Path blk = tmp.resolve("block.nrrd");
    Files.writeString(blk, "NRRD0004\ntype: block\ndimension: 1\nsizes: 4\nencoding: raw\n\n");
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(blk));
    assertTrue(e.getMessage().contains("block.nrrd") && e.getMessage().contains("'block'"),
        e.getMessage());
    Path bz = tmp.resolve("bz.nrrd");
    Files.writeString(bz, "NRRD0004\ntype: uchar\ndimension: 2\nsizes: 2 2\nencoding: bzip2\n\n");
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(bz));
    assertTrue(e.getMessage().contains("bzip2"), e.getMessage());

    // vector image
    Path vec = tmp.resolve("vec.nrrd");
    Files.writeString(vec, "NRRD0004\ntype: uchar\ndimension: 4\nsizes: 3 2 2 2\n"
        + "kinds: vector domain domain domain\nencoding: raw\n\n");
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(vec));
    assertTrue(e.getMessage().contains("vector"), e.getMessage());

    // missing detached data
    Path h = tmp.resolve("d.nhdr");
    Files.writeString(h, "NRRD0004\ntype: uchar\ndimension: 2\nsizes: 2 2\nencoding: raw\n"
        + "data file: gone.raw\n");
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(h));
    assertTrue(e.getMessage().contains("gone.raw"), e.getMessage());

    // not NRRD at all
    Path txt = tmp.resolve("x.nrrd");
    Files.writeString(txt, "hello world");
    e = assertThrows(ImageFormatException.class, () -> NrrdReader.read(txt));
    assertTrue(e.getMessage().contains("not a NRRD file"), e.getMessage());
  }

  /** Makes a small gzip NRRD so the truncation test never depends on ../shared. */
  static final class SharedDataOrSynthetic {
    static Path gzipNrrd(Path dir) throws IOException {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
        z.write(int16Data(24, ByteOrder.LITTLE_ENDIAN));
      }
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      o.write((C23_HEADER + "encoding: gzip\n\n").getBytes(StandardCharsets.US_ASCII));
      o.write(gz.toByteArray());
      Path f = dir.resolve("ok.nrrd");
      Files.write(f, o.toByteArray());
      assertEquals(24, NrrdReader.read(f).geometry().voxelCount());
      return f;
    }
  }

  /**
   * A 2D image in 3D space (two space-direction vectors): third axis = cross product of the two
   * in-plane directions, spacing 1 mm.
   */
  @Test
  void twoDimensionalImageInThreeDSpace() throws IOException {
    Path f = tmp.resolve("slice.nrrd");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(("NRRD0004\ntype: uchar\ndimension: 2\nspace: LPS\nsizes: 2 2\n"
        + "space directions: (0,0.5,0) (0,0,-0.5)\nspace origin: (1,2,3)\nencoding: raw\n\n")
        .getBytes(StandardCharsets.US_ASCII));
    o.write(new byte[] {1, 2, 3, 4});
    Files.write(f, o.toByteArray());
    Geometry g = NrrdReader.read(f).geometry();
    assertArrayEquals(new int[] {2, 2, 1}, g.size());
    assertArrayEquals(new double[] {0.5, 0.5, 1}, g.spacing(), 0);
    // columns (0,1,0), (0,0,−1); cross product (1·(−1) − 0·0, 0·0 − 0·(−1), 0·0 − 1·0) = (−1,0,0)
    assertArrayEquals(new double[] {0, 0, -1, 1, 0, 0, 0, -1, 0}, g.direction(), 0);
    assertArrayEquals(new double[] {1, 2, 3}, g.origin(), 0);
  }
}
