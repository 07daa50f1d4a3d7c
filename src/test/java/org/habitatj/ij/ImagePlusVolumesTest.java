package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Prefs;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.NiftiReader;
import org.habitatj.io.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePlusVolumesTest {

  @TempDir Path tmp;

  private static double mean(double[] v) {
    return Arrays.stream(v).sum() / v.length;
  }

  /** C16: raw [32668, 32768, 32868, 32968] with y = 2(x − 32768) − 50 → [−250, −50, 150, 350]. */
  @Test
  void c16CalibrationFunctionApplied() {
    ShortProcessor sp = new ShortProcessor(2, 2, new short[] {(short) 32668, (short) 32768,
      (short) 32868, (short) 32968}, null);
    ImagePlus imp = new ImagePlus("c16", sp);
    Calibration cal = imp.getCalibration();
    cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {-2 * 32768 - 50, 2}, "value");
    cal.setUnit("mm");
    double[] v = ImagePlusVolumes.wrap(imp).toDoubleArray();
    assertArrayEquals(new double[] {-250, -50, 150, 350}, v, 0);
    assertEquals(50.0, mean(v), 0); // a raw-pixel reader would give 32818
    // ImageJ's own signed-16 convention: raw − 32768
    ImagePlus s = new ImagePlus("s16", new ShortProcessor(2, 1,
        new short[] {(short) 32668, (short) 33768}, null));
    s.getCalibration().setSigned16BitCalibration();
    s.getCalibration().setUnit("mm");
    assertArrayEquals(new double[] {-100, 1000}, ImagePlusVolumes.wrap(s).toDoubleArray(), 0);
  }

  /** C16 TIFF: the calibration function survives saving/reopening as TIFF. */
  @Test
  void c16TiffKeepsCalibration() {
    ShortProcessor sp = new ShortProcessor(2, 2, new short[] {(short) 32668, (short) 32768,
      (short) 32868, (short) 32968}, null);
    ImagePlus imp = new ImagePlus("c16", sp);
    imp.getCalibration().setFunction(Calibration.STRAIGHT_LINE,
        new double[] {-2 * 32768 - 50, 2}, "value");
    imp.getCalibration().setUnit("mm");
    imp.getCalibration().pixelWidth = 0.5;
    String f = tmp.resolve("c16.tif").toString();
    assertTrue(IJ.saveAsTiff(imp, f));
    ImagePlus back = IJ.openImage(f);
    Volume v = ImagePlusVolumes.wrap(back);
    assertArrayEquals(new double[] {-250, -50, 150, 350}, v.toDoubleArray(), 0);
    assertEquals(0.5, v.geometry().spacing(0), 0);
  }

  /** C16 DICOM: signed stored [−100, 0, 100, 200], slope 2, intercept −50; float on and off. */
  @Test
  void c16SignedDicomWithRescale() throws IOException {
    Path f = tmp.resolve("c16.dcm");
    Files.write(f, DicomBytes.image(true, "2", "-50", 0, (short) -100, (short) 0, (short) 100,
        (short) 200));
    boolean old = Prefs.openDicomsAsFloat;
    try {
      for (boolean asFloat : new boolean[] {false, true}) {
        Prefs.openDicomsAsFloat = asFloat;
        ImagePlus imp = DicomSeries.open(f);
        double[] v = ImagePlusVolumes.wrap(imp).toDoubleArray();
        assertArrayEquals(new double[] {-250, -50, 150, 350}, v, 0, "openDicomsAsFloat=" + asFloat);
        assertEquals(50.0, mean(v), 0);
      }
    } finally {
      Prefs.openDicomsAsFloat = old;
    }
  }

  /** Wrapping shares the ImagePlus arrays: a pixel change is seen by the volume. */
  @Test
  void wrapsWithoutCopy() {
    ImageStack st = new ImageStack(3, 2);
    float[] s1 = {1, 2, 3, 4, 5, 6};
    float[] s2 = {7, 8, 9, 10, 11, 12};
    st.addSlice(new FloatProcessor(3, 2, s1));
    st.addSlice(new FloatProcessor(3, 2, s2));
    ImagePlus imp = new ImagePlus("f", st);
    imp.getCalibration().setUnit("mm");
    Volume v = ImagePlusVolumes.wrap(imp);
    assertArrayEquals(new int[] {3, 2, 2}, v.geometry().size());
    s2[4] = 99;
    RandomAccess<? extends RealType<?>> ra = v.values().randomAccess();
    ra.setPosition(new long[] {1, 1, 1});
    assertEquals(99, ra.get().getRealDouble(), 0);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 12}, v.toDoubleArray(), 0);
  }

  @Test
  void multiChannelAndFrameNeedAnExplicitChoice() {
    ImageStack st = new ImageStack(2, 1);
    for (int i = 0; i < 12; i++) {
      st.addSlice(new FloatProcessor(2, 1, new float[] {i, 100 + i}));
    }
    ImagePlus imp = new ImagePlus("hyper", st);
    imp.setDimensions(2, 3, 2); // c=2, z=3, t=2; stack order c fastest, then z, then t
    imp.getCalibration().setUnit("mm");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImagePlusVolumes.wrap(imp));
    assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    // no command has a channel key: the message says what to do in ImageJ
    assertTrue(e.getMessage().contains("Image > Color > Split Channels"), e.getMessage());
    assertTrue(e.getMessage().contains("Image > Duplicate..."), e.getMessage());
    assertTrue(!e.getMessage().contains("explicitly"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImagePlusVolumes.wrap(imp, 1, 0, ImagePlusVolumes.UnitPolicy.REQUIRE_PHYSICAL));
    assertTrue(e.getMessage().contains("2 time frames"), e.getMessage());
    assertTrue(e.getMessage().contains("Image > Duplicate..."), e.getMessage());
    assertTrue(!e.getMessage().contains("explicitly"), e.getMessage());
    // channel 2, frame 2: stack indices (c-1) + 2(z-1) + 6(t-1) + 1 = 8, 10, 12 → values 7, 9, 11
    Volume v = ImagePlusVolumes.wrap(imp, 2, 2, ImagePlusVolumes.UnitPolicy.REQUIRE_PHYSICAL);
    assertArrayEquals(new double[] {7, 107, 9, 109, 11, 111}, v.toDoubleArray(), 0);
    ImagePlus rgb = new ImagePlus("colour", new ij.process.ColorProcessor(2, 2));
    rgb.getCalibration().setUnit("mm");
    e = assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.wrap(rgb));
    assertTrue(e.getMessage().contains("'colour' is RGB"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.wrap(new ImagePlus()));
    assertTrue(e.getMessage().contains("no image"), e.getMessage());
  }

  @Test
  void unitsAndOrigin() {
    ImagePlus imp = new ImagePlus("px", new FloatProcessor(4, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImagePlusVolumes.wrap(imp));
    assertTrue(e.getMessage().contains("'px'") && e.getMessage().contains("no physical length"),
        e.getMessage());
    ImagePlusVolumes.ImageGeometry ig =
        ImagePlusVolumes.geometry(imp, ImagePlusVolumes.UnitPolicy.ASSUME_MM);
    assertNotNull(ig.warning());
    assertArrayEquals(new double[] {1, 1, 1}, ig.geometry().spacing(), 0);
    Calibration cal = imp.getCalibration();
    cal.setUnit("inch");
    assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.wrap(imp));
    cal.setUnit("cm");
    cal.pixelWidth = 0.05;
    cal.pixelHeight = 0.05;
    cal.pixelDepth = 0.3;
    cal.xOrigin = 2; // pixels: calibrated x = (col − 2) · 0.05 cm
    Geometry g = ImagePlusVolumes.geometry(imp);
    assertArrayEquals(new double[] {0.5, 0.5, 3}, g.spacing(), 1e-15);
    assertArrayEquals(new double[] {-1, 0, 0}, g.origin(), 1e-15);
  }

  /** C23: geometry into the calibration (mm, x/y/zOrigin) and back, rotated 45°. */
  @Test
  void geometryRoundTripThroughCalibration() {
    double c = Math.sqrt(0.5);
    Geometry g = new Geometry(new int[] {4, 3, 2}, new double[] {1, 1, 2.5},
        new double[] {10, 20, 30}, new double[] {c, -c, 0, c, c, 0, 0, 0, 1});
    ImagePlus imp = ImagePlusVolumes.toImagePlus(Volume.ofDoubles(new double[24], g), "c23");
    Calibration cal = imp.getCalibration();
    assertEquals("mm", cal.getUnit());
    assertEquals(1.0, cal.pixelWidth, 0);
    assertEquals(1.0, cal.pixelHeight, 0);
    assertEquals(2.5, cal.pixelDepth, 0);
    // origin in the image-axis frame: Dᵀ·(10,20,30) = (30/√2, 10/√2, 30) → xOrigin = −21.213…
    assertEquals(-30 * c, cal.xOrigin, 1e-12);
    assertEquals(-10 * c, cal.yOrigin, 1e-12);
    assertEquals(-12, cal.zOrigin, 1e-12);
    assertTrue(ImagePlusVolumes.geometry(imp).sameGrid(g, 1e-12));
  }

  /** A loaded NIfTI shown as an ImagePlus and wrapped back gives the same voxels and grid. */
  @Test
  void loadedImageToImagePlusAndBack() throws IOException {
    LoadedImage li = NiftiReader.read(
        SharedData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
    ImagePlus imp = ImagePlusVolumes.toImagePlus(li, "phantom");
    assertEquals(16, imp.getBitDepth()); // int16 → signed 16-bit
    assertTrue(imp.getCalibration().isSigned16Bit());
    Volume v = ImagePlusVolumes.wrap(imp);
    assertArrayEquals(li.volume().toDoubleArray(), v.toDoubleArray(), 0);
    assertTrue(v.geometry().sameGrid(li.geometry(), 1e-12));
    Mask m = Masks.fromLabelImage(NiftiReader.read(
        SharedData.data("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz")).volume(),
        Masks.LabelChoice.label(1)).mask();
    ImagePlus mi = ImagePlusVolumes.toImagePlus(m, "mask");
    Masks.MaskSelection sel = Masks.fromLabelImage(ImagePlusVolumes.wrap(mi),
        Masks.LabelChoice.auto());
    assertEquals(255, sel.label()); // ImageJ binary 0/255
    assertArrayEquals(m.data(), sel.mask().data());
  }

  /**
   * The STS_008 DICOM series (28 slices) gives the same voxels and grid as the NIfTI export of
   * the same data: DICOM slice 000000 (z = −230.44) is NIfTI k = 0; ImagePositionPatient x/y =
   * (141.60, −33.20) LPS = −(qoffset_x, qoffset_y) RAS. No flip in either reader.
   */
  @Test
  void sts008DicomSeriesEqualsNifti() throws IOException {
    Path dir = SharedData.data("ibsi_sts_mr/dicom/STS_008/MR_T1/image");
    LoadedImage nii = NiftiReader.read(
        SharedData.data("ibsi_sts_mr/nifti/STS_008/MR_T1_image.nii.gz"));
    ImagePlus imp = DicomSeries.open(dir);
    assertEquals(28, imp.getStackSize());
    Volume v = ImagePlusVolumes.wrap(imp);
    Masks.checkSameGrid(nii.geometry(), v.geometry(), "NIfTI", "DICOM");
    assertArrayEquals(new double[] {141.601359999999, -33.203228, -230.44256999999},
        v.geometry().origin(), 1e-9);
    assertArrayEquals(new double[] {0.976562, 0.976562}, Arrays.copyOf(v.geometry().spacing(),
        2), 1e-12);
    assertEquals(3.26996, v.geometry().spacing(2), 1e-6);
    assertArrayEquals(nii.volume().toDoubleArray(), v.toDoubleArray(), 0);
  }

  /** pydicom MR_small in several transfer syntaxes: decodable ones equal MR_small.dcm. */
  @Test
  void pydicomTransferSyntaxes() throws IOException {
    Path dir = SharedData.data("pydicom_mr_small");
    double[] ref = ImagePlusVolumes.wrap(DicomSeries.open(dir.resolve("MR_small.dcm")))
        .toDoubleArray();
    assertEquals(64 * 64, ref.length);
    assertTrue(Arrays.stream(ref).min().getAsDouble() >= 0);
    for (String ok : new String[] {"MR_small_implicit.dcm", "MR_small_bigendian.dcm",
        "MR_small_expb.dcm", "MR_small_padded.dcm"}) {
      Volume v = ImagePlusVolumes.wrap(DicomSeries.open(dir.resolve(ok)));
      assertArrayEquals(ref, v.toDoubleArray(), 0, ok);
      assertArrayEquals(new double[] {0.3125, 0.3125}, Arrays.copyOf(v.geometry().spacing(), 2),
          0, ok);
    }
    String[][] bad = {{"MR_small_RLE.dcm", "RLE Lossless"},
        {"MR_small_jpeg_ls_lossless.dcm", "JPEG-LS Lossless"},
        {"MR_small_jp2klossless.dcm", "JPEG 2000 Lossless"},
        {"MR_truncated.dcm", "truncated"}};
    for (String[] b : bad) {
      Path p = dir.resolve(b[0]);
      ImageFormatException e = assertThrows(ImageFormatException.class,
          () -> DicomSeries.open(p), b[0]);
      assertTrue(e.getMessage().contains(b[0]) && e.getMessage().contains(b[1]), e.getMessage());
    }
  }

  @Test
  void dicomSeriesSortedByPositionNotFileName() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("series"));
    // file names in reverse z order; z = 5, 2.5, 0 → sorted 0, 2.5, 5
    Files.write(dir.resolve("a.dcm"), DicomBytes.image(false, null, null, 5, (short) 3, (short) 3,
        (short) 3, (short) 3));
    Files.write(dir.resolve("b.dcm"), DicomBytes.image(false, null, null, 2.5, (short) 2,
        (short) 2, (short) 2, (short) 2));
    Files.write(dir.resolve("c.dcm"), DicomBytes.image(false, null, null, 0, (short) 1, (short) 1,
        (short) 1, (short) 1));
    Files.writeString(dir.resolve("notes.txt"), "not dicom");
    Volume v = ImagePlusVolumes.wrap(DicomSeries.open(dir));
    assertArrayEquals(new double[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, v.toDoubleArray(), 0);
    // PixelSpacing "0.5\0.25" = row spacing (y) 0.5, column spacing (x) 0.25
    assertArrayEquals(new double[] {0.25, 0.5, 2.5}, v.geometry().spacing(), 1e-12);
    assertArrayEquals(new double[] {10, 20, 0}, v.geometry().origin(), 0);
    // a gap → error
    Files.delete(dir.resolve("b.dcm"));
    Files.write(dir.resolve("d.dcm"), DicomBytes.image(false, null, null, 20, (short) 2, (short) 2,
        (short) 2, (short) 2));
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> DicomSeries.open(dir));
    assertTrue(e.getMessage().contains("non-uniform slice spacing"), e.getMessage());
    assertSame(ImageFormatException.class, e.getClass());
  }

  /**
   * Real oblique DICOM (PROSTATEx-0000 T2 and ADC, PROVENANCE.md: 19 slices, 384×384 at 0.5 mm
   * and 84×128 at 2 mm, 3 mm slice spacing): sizes, spacings, an orthonormal right-handed
   * direction (z = row × column cosines), and both series share the orientation.
   */
  @Test
  void prostatexObliqueSeries() throws IOException {
    Path base = SharedData.data("prostatex_mr_dicom/ProstateX-0000/07-07-2011");
    Geometry t2 = ImagePlusVolumes.geometry(
        DicomSeries.open(base.resolve("4.000000-t2tsetra-00702")));
    Geometry adc = ImagePlusVolumes.geometry(
        DicomSeries.open(base.resolve("7.000000-ep2ddifftraDYNDISTADC-48780")));
    assertArrayEquals(new int[] {384, 384, 19}, t2.size());
    assertArrayEquals(new int[] {84, 128, 19}, adc.size());
    assertArrayEquals(new double[] {0.5, 0.5, 3.0}, t2.spacing(), 1e-6);
    assertArrayEquals(new double[] {2, 2, 3.0}, adc.spacing(), 1e-6);
    double[] d = t2.direction();
    assertTrue(Math.abs(d[4] - 1) > 0.01, "oblique: y cosine not axis-aligned");
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double dot = d[a] * d[b] + d[3 + a] * d[3 + b] + d[6 + a] * d[6 + b];
        assertEquals(a == b ? 1 : 0, dot, 1e-5);
      }
    }
    double det = d[0] * (d[4] * d[8] - d[5] * d[7]) - d[1] * (d[3] * d[8] - d[5] * d[6])
        + d[2] * (d[3] * d[7] - d[4] * d[6]);
    assertEquals(1, det, 1e-5);
    assertArrayEquals(d, adc.direction(), 1e-6);
  }

  /** A series folder that also holds the RTSTRUCT (RS.dcm) loads the 28 images; RS alone fails. */
  @Test
  void seriesFolderWithRtstruct() throws IOException {
    Path src = SharedData.data("ibsi_sts_mr/dicom/STS_008/MR_T1");
    Path dir = Files.createDirectory(tmp.resolve("mixed"));
    try (var s = Files.list(src.resolve("image"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Files.copy(src.resolve("mask/RS.dcm"), dir.resolve("RS.dcm"));
    assertEquals(28, DicomSeries.open(dir).getStackSize());
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> DicomSeries.open(src.resolve("mask/RS.dcm")));
    assertTrue(e.getMessage().contains("RS.dcm") && e.getMessage().contains("no image"),
        e.getMessage());
  }
}
