package org.habitatj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.habitatj.core.image.Geometry;
import org.habitatj.ij.ImagePlusVolumes;
import org.habitatj.ij.MedicalVolumeOpener;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.NiftiReader;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample (test-images/STS_008, always present). Expected values: ROI 8862 voxels,
 * image range 0..1140 (../shared/data/PROVENANCE.md table), ROI min 133, max 919, mean
 * 311.55946738885126 and bounding box (20, 28, 3) size (37, 33, 19) (PyRadiomics,
 * ../shared/reference/whole_roi/STS_008__default.csv).
 */
class MainTest {

  private static final String IMAGE = "test-images/STS_008/MR_T1_image.nii.gz";
  private static final String MASK = "test-images/STS_008/MR_T1_mask.nii.gz";

  private static String[] run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8),
      e.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void infoOnBundledSample() {
    String[] r = run("info", IMAGE, MASK);
    assertEquals("0", r[0], r[2]);
    String out = r[1];
    assertTrue(out.contains("size      77 × 79 × 28 voxels"), out);
    assertTrue(out.contains("spacing   0.976562 × 0.976562 × 3.26996 mm"), out);
    assertTrue(out.contains("label     1 (chosen automatically"), out);
    assertTrue(out.contains("ROI       8862 voxels"), out);
    assertTrue(out.contains("bounding box x 20–56, y 28–60, z 3–21"), out);
    assertTrue(out.contains("image     0 .. 1140"), out);
    assertTrue(out.contains("ROI       133 .. 919, mean 311.5595"), out);
  }

  /**
   * A feature map is NaN outside its ROI: info gives the range of the other voxels and says how
   * many NaN it left out (a 3×1×1 map NaN, 2, 5 with the ROI on the last two voxels).
   */
  @Test
  void infoOnAMapLeavesNanOut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Geometry g = Geometry.of(new int[] {3, 1, 1}, new double[] {1, 1, 1});
    Path map = dir.resolve("map.nii.gz");
    Path mask = dir.resolve("mask.nii.gz");
    org.habitatj.io.NiftiWriter.write(org.habitatj.core.image.Volume.ofFloats(
        new float[] {Float.NaN, 2, 5}, g), org.habitatj.io.VoxelType.FLOAT32, map, false);
    org.habitatj.io.NiftiWriter.write(new org.habitatj.core.image.Mask(new byte[] {0, 1, 1}, g),
        mask);
    String[] r = run("info", map.toString(), mask.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("image     2 .. 5 (1 NaN voxels left out)"), r[1]);
    assertTrue(r[1].contains("ROI       2 .. 5, mean 3.5000"), r[1]);
  }

  @Test
  void badInputGivesMessageAndStatus() {
    String[] r = run("info", IMAGE, MASK, "--label", "2");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("label 2 is not present in the mask; labels present: {1}"), r[2]);
    r = run("info", IMAGE, "test-images/nope.nii.gz");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("nope.nii.gz: file not found"), r[2]);
    assertEquals("2", run("info", IMAGE)[0]);
    assertEquals("2", run("frobnicate")[0]);
  }

  /** File › Import opener on the sample: calibrated ImagePlus with the file's geometry. */
  @Test
  void openerGivesCalibratedImage() throws Exception {
    ImagePlus imp = MedicalVolumeOpener.open(Path.of(IMAGE));
    assertEquals(28, imp.getNSlices());
    assertEquals(32, imp.getBitDepth());
    assertEquals("mm", imp.getCalibration().getUnit());
    assertEquals(0.9765620231628418, imp.getCalibration().pixelWidth, 0);
    LoadedImage li = NiftiReader.read(Path.of(IMAGE));
    Geometry g = ImagePlusVolumes.geometry(imp);
    assertTrue(g.sameGrid(li.geometry(), 1e-12), g + " vs " + li.geometry());
    ImagePlus m = MedicalVolumeOpener.open(Path.of(MASK));
    assertEquals(8, m.getBitDepth());
  }
}
