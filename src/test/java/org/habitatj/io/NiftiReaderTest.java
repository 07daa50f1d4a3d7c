package org.habitatj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
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
import org.junit.jupiter.params.provider.ValueSource;

class NiftiReaderTest {

  @TempDir Path tmp;

  /**
   * IBSI STS MR cases against the diagnostics PyRadiomics recorded
   * (../shared/reference/whole_roi/STS_xxx__default.csv) and the voxel counts in PROVENANCE.md.
   */
  @ParameterizedTest
  @CsvSource({"STS_002, 17090", "STS_008, 8862", "STS_019, 3856", "STS_035, 11450"})
  void stsCasesMatchRecordedDiagnostics(String kase, int voxels) throws IOException {
    Map<String, String> d =
        SharedData.twoColumn(SharedData.reference("whole_roi/" + kase + "__default.csv"));
    LoadedImage img = NiftiReader.read(
        SharedData.data("ibsi_sts_mr/nifti/" + kase + "/MR_T1_image.nii.gz"));
    LoadedImage lbl = NiftiReader.read(
        SharedData.data("ibsi_sts_mr/nifti/" + kase + "/MR_T1_mask.nii.gz"));
    assertEquals(VoxelType.FLOAT32, img.voxelType());
    assertEquals(VoxelType.UINT8, lbl.voxelType());
    assertFalse(img.scaled()); // scl_slope 1, scl_inter 0
    Geometry g = img.geometry();
    double[] size = SharedData.tuple(d.get("diagnostics_Image-original_Size"));
    assertArrayEquals(new int[] {(int) size[0], (int) size[1], (int) size[2]}, g.size());
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Image-original_Spacing")), g.spacing(), 1e-12);
    assertArrayEquals(Geometry.identity(), g.direction(), 0);
    Masks.checkSameGrid(g, lbl.geometry(), "image", "mask");
    Masks.MaskSelection sel = Masks.fromLabelImage(lbl.volume(), Masks.LabelChoice.auto());
    assertEquals(1, sel.label());
    Mask m = sel.mask();
    assertEquals(voxels, m.count());
    assertEquals(Integer.parseInt(d.get("diagnostics_Mask-original_VoxelNum")), m.count());
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
    // world centre of mass checks the LPS origin (−qoffset_x, −qoffset_y, qoffset_z)
    assertArrayEquals(
        SharedData.tuple(d.get("diagnostics_Mask-original_CenterOfMass")),
        g.indexToWorld(com[0], com[1], com[2]), 1e-6);
    double[] v = img.volume().toDoubleArray();
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      sum += x;
      max = Math.max(max, x);
    }
    double mean = Double.parseDouble(d.get("diagnostics_Image-original_Mean"));
    assertEquals(mean, sum / v.length, 1e-9 * Math.abs(mean));
    assertEquals(Double.parseDouble(d.get("diagnostics_Image-original_Maximum")), max, 0);
  }

  /** ../shared/reference/README.md: STS_002 LPS origin and spacing. */
  @Test
  void sts002GeometryFromReferenceReadme() throws IOException {
    Geometry g = NiftiReader.read(
        SharedData.data("ibsi_sts_mr/nifti/STS_002/MR_T1_image.nii.gz")).geometry();
    assertArrayEquals(new int[] {115, 90, 35}, g.size());
    assertArrayEquals(new double[] {30.2733, 88.867, -609.4174}, g.origin(), 1e-4);
    assertArrayEquals(new double[] {0.9765620, 0.9765620, 3.2699549}, g.spacing(), 1e-7);
  }

  /**
   * IBSI 1 digital phantom (PROVENANCE: 5×4×4, 2 mm, int16, values 1–9, 74 ROI voxels;
   * qform_code 2 and sform_code 1, both RAS diag(−1,−1,1) → LPS identity).
   */
  @Test
  void ibsiDigitalPhantom() throws IOException {
    LoadedImage img = NiftiReader.read(
        SharedData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
    LoadedImage msk = NiftiReader.read(
        SharedData.data("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
    Geometry g = img.geometry();
    assertArrayEquals(new int[] {5, 4, 4}, g.size());
    assertArrayEquals(new double[] {2, 2, 2}, g.spacing(), 0);
    assertArrayEquals(Geometry.identity(), g.direction(), 0);
    assertArrayEquals(new double[] {0, 0, 0}, g.origin(), 0);
    assertEquals(VoxelType.INT16, img.voxelType());
    double[] v = img.volume().toDoubleArray();
    assertEquals(1, Arrays.stream(v).min().getAsDouble());
    assertEquals(9, Arrays.stream(v).max().getAsDouble());
    Masks.checkSameGrid(g, msk.geometry(), "phantom", "mask");
    assertEquals(74, Masks.fromLabelImage(msk.volume(), Masks.LabelChoice.label(1))
        .mask().count());
  }

  /**
   * IBSI 1 CT phantom: sform_code 1 path. sform srow = diag(−0.977, −0.977, 3) with translation
   * (174.3945, 79.6255, −100.4) RAS → LPS origin (−174.3945, −79.6255, −100.4); 125 256 voxels.
   */
  @Test
  void ibsiCtPhantomSform() throws IOException {
    LoadedImage msk = NiftiReader.read(
        SharedData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"));
    Geometry g = msk.geometry();
    assertArrayEquals(new int[] {204, 201, 60}, g.size());
    assertArrayEquals(new double[] {0.977, 0.977, 3.0}, g.spacing(), 1e-7);
    assertArrayEquals(new double[] {-174.39450073242188, -79.62550354003906,
      -100.4000015258789}, g.origin(), 0);
    assertArrayEquals(Geometry.identity(), g.direction(), 0);
    assertEquals(125256, Masks.fromLabelImage(msk.volume(), Masks.LabelChoice.label(1))
        .mask().count());
  }

  // ------------------------------------------------------------------ C14

  private Path write(String name, byte[] b) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, b);
    return p;
  }

  private Path writeGz(String name, byte[] b) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(o)) {
      z.write(b);
    }
    return write(name, o.toByteArray());
  }

  /**
   * C14: image 3×2×2 int16, stored 1…12 in file order; mask = single voxel at file index (0,0,0).
   * For every legal qform/sform/qfac combination the ROI mean is 1, the image value at file index
   * (0,0,0); only the geometry changes. Expected LPS directions are worked out by hand from the
   * header (RAS → LPS: negate rows 0 and 1).
   */
  @ParameterizedTest
  @ValueSource(strings = {"none", "qform", "qform-qfac", "sform", "aligned", "both", "rotated",
      "bigendian"})
  void c14ImageAndMaskSameIndexMapping(String variant) throws IOException {
    NiftiBytes h = new NiftiBytes().size(3, 2, 2);
    double[] expectDir;
    double[] expectOrigin = {0, 0, 0};
    switch (variant) {
      case "none": // ITK: identity direction (LPS), origin 0
        expectDir = new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        break;
      case "qform": // quaternion 0 → identity RAS
        h.qformCode = 1;
        h.qoffset = new float[] {5, 6, 7};
        expectDir = new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        expectOrigin = new double[] {-5, -6, 7};
        break;
      case "qform-qfac": // qfac = −1 flips the third axis
        h.qformCode = 1;
        h.pixdim[0] = -1;
        expectDir = new double[] {-1, 0, 0, 0, -1, 0, 0, 0, -1};
        break;
      case "sform":
        h.sformCode = 2;
        h.srow = new float[][] {{-1, 0, 0, 3}, {0, 1, 0, 4}, {0, 0, 1, 5}};
        expectDir = new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1};
        expectOrigin = new double[] {-3, -4, 5};
        break;
      case "aligned": // sform code 2 (aligned) differing from a known qform: qform wins (ITK)
        h.qformCode = 1;
        h.sformCode = 2;
        h.srow = new float[][] {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, -1, 0}};
        expectDir = new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        break;
      case "both": // sform code 1 wins over a different qform (ITK)
        h.qformCode = 1;
        h.sformCode = 1;
        h.srow = new float[][] {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, -1, 0}};
        expectDir = new double[] {0, -1, 0, -1, 0, 0, 0, 0, -1};
        break;
      case "rotated": { // quaternion for 90° about z: (b,c,d) = (0,0,sin45°)
        h.qformCode = 1;
        h.quatern = new float[] {0, 0, (float) Math.sqrt(0.5)};
        // RAS R = [[0,-1,0],[1,0,0],[0,0,1]]; LPS = [[0,1,0],[-1,0,0],[0,0,1]]
        expectDir = new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1};
        break;
      }
      case "bigendian":
        h.order = ByteOrder.BIG_ENDIAN;
        h.qformCode = 1;
        expectDir = new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        break;
      default:
        throw new AssertionError(variant);
    }
    byte[] imgBytes = h.build(h.shorts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    byte[] mskBytes = h.build(h.shorts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    LoadedImage img = NiftiReader.read(write("img_" + variant + ".nii", imgBytes));
    LoadedImage msk = NiftiReader.read(writeGz("msk_" + variant + ".nii.gz", mskBytes));
    assertArrayEquals(expectDir, img.geometry().direction(), 1e-6);
    assertArrayEquals(expectOrigin, img.geometry().origin(), 1e-6);
    Masks.checkSameGrid(img.geometry(), msk.geometry(), "img", "msk");
    Mask m = Masks.fromLabelImage(msk.volume(), Masks.LabelChoice.label(1)).mask();
    double[] v = img.volume().toDoubleArray();
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, v, 0);
    assertEquals(1, m.count());
    assertTrue(m.contains(0, 0, 0));
    assertEquals(1.0, v[0]); // ROI mean
  }

  /** scl_slope 2, scl_inter −50 on int16 [−100, 0, 100, 200] → [−250, −50, 150, 350]. */
  @Test
  void sclSlopeAndInterApplied() throws IOException {
    NiftiBytes h = new NiftiBytes().size(2, 2, 1);
    h.slope = 2;
    h.inter = -50;
    LoadedImage li = NiftiReader.read(write("s.nii", h.build(h.shorts(-100, 0, 100, 200))));
    assertTrue(li.scaled());
    assertArrayEquals(new double[] {-250, -50, 150, 350}, li.volume().toDoubleArray(), 0);
    // slope 0 means "no scaling" (NIfTI-1 standard), even with an intercept
    h.slope = 0;
    h.inter = 7;
    li = NiftiReader.read(write("s0.nii", h.build(h.shorts(-100, 0, 100, 200))));
    assertFalse(li.scaled());
    assertArrayEquals(new double[] {-100, 0, 100, 200}, li.volume().toDoubleArray(), 0);
  }

  @ParameterizedTest
  @CsvSource({"2, 8, UINT8", "256, 8, INT8", "4, 16, INT16", "512, 16, UINT16", "8, 32, INT32",
      "16, 32, FLOAT32", "64, 64, FLOAT64"})
  void dataTypes(short code, short bitpix, VoxelType type) throws IOException {
    NiftiBytes h = new NiftiBytes().size(2, 1, 1);
    h.datatype = code;
    h.bitpix = bitpix;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(bitpix / 4).order(h.order);
    double[] expect;
    switch (type) {
      case FLOAT32:
        b.putFloat(-1.5f).putFloat(2.25f);
        expect = new double[] {-1.5, 2.25};
        break;
      case FLOAT64:
        b.putDouble(-1.5).putDouble(2.25);
        expect = new double[] {-1.5, 2.25};
        break;
      default:
        for (int i = 0; i < bitpix / 8; i++) {
          b.put((byte) 0xff); // all ones: −1 signed, 2^bits − 1 unsigned
        }
        b.put((byte) 3);
        expect = new double[] {type.isSigned() ? -1 : Math.pow(2, bitpix) - 1, 3};
    }
    LoadedImage li = NiftiReader.read(write("t.nii", h.build(b.array())));
    assertEquals(type, li.voxelType());
    assertArrayEquals(expect, li.volume().toDoubleArray(), 0);
  }

  @Test
  void errorsNameTheFile() throws IOException {
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> NiftiReader.read(tmp.resolve("missing.nii.gz")));
    assertTrue(e.getMessage().contains("missing.nii.gz") && e.getMessage().contains("not found"));

    NiftiBytes h = new NiftiBytes().size(3, 2, 2);
    byte[] full = h.build(h.shorts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    Path cut = write("cut.nii", Arrays.copyOf(full, full.length - 3));
    e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(cut));
    assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated")
        && e.getMessage().contains("24 bytes"), e.getMessage());

    // truncated gzip stream
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(o)) {
      z.write(full);
    }
    byte[] gz = o.toByteArray();
    Path cutGz = write("cut.nii.gz", Arrays.copyOf(gz, gz.length / 2));
    e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(cutGz));
    assertTrue(e.getMessage().contains("cut.nii.gz") && e.getMessage().contains("truncated"),
        e.getMessage());

    h.datatype = 128;
    h.bitpix = 24;
    Path rgb = write("rgb.nii", h.build(new byte[36]));
    e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(rgb));
    assertTrue(e.getMessage().contains("rgb.nii") && e.getMessage().contains("RGB24"),
        e.getMessage());

    NiftiBytes t = new NiftiBytes();
    t.dim = new int[] {4, 2, 1, 1, 3, 1, 1, 1};
    Path four = write("four.nii", t.build(t.shorts(1, 2, 3, 4, 5, 6)));
    e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(four));
    assertTrue(e.getMessage().contains("3 volumes"), e.getMessage());
    assertArrayEquals(new double[] {5, 6}, NiftiReader.read(four, 2).volume().toDoubleArray(), 0);

    Path junk = write("junk.nii", new byte[400]);
    e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(junk));
    assertTrue(e.getMessage().contains("not a NIfTI-1 file"), e.getMessage());
  }

  /** Two-file NIfTI (.hdr + .img, magic ni1): header read from .hdr, voxels from .img. */
  @Test
  void headerImagePair() throws IOException {
    NiftiBytes h = new NiftiBytes().size(2, 2, 1);
    h.qformCode = 1;
    h.qoffset = new float[] {1, 2, 3};
    byte[] full = h.build(h.shorts(4, 5, 6, 7));
    byte[] hdr = Arrays.copyOf(full, 348);
    hdr[345] = 'i'; // "ni1"
    java.nio.ByteBuffer.wrap(hdr).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0f);
    write("pair.hdr", hdr);
    write("pair.img", Arrays.copyOfRange(full, 352, full.length));
    LoadedImage li = NiftiReader.read(tmp.resolve("pair.hdr"));
    assertArrayEquals(new double[] {4, 5, 6, 7}, li.volume().toDoubleArray(), 0);
    assertArrayEquals(new double[] {-1, -2, 3}, li.geometry().origin(), 0);
    Files.delete(tmp.resolve("pair.img"));
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> NiftiReader.read(tmp.resolve("pair.hdr")));
    assertTrue(e.getMessage().contains("pair.img") && e.getMessage().contains("not found"),
        e.getMessage());
  }
}
