package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.habitatj.core.image.Mask;
import org.habitatj.io.ImageFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoiMasksTest {

  @TempDir Path tmp;

  private static ImagePlus stack(int w, int h, int nz) {
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < nz; z++) {
      st.addSlice(new ByteProcessor(w, h));
    }
    ImagePlus imp = new ImagePlus("img", st);
    imp.getCalibration().setUnit("mm");
    return imp;
  }

  private static Roi rect(int x, int y, int w, int h, int pos) {
    Roi r = new Roi(x, y, w, h);
    r.setPosition(pos);
    return r;
  }

  @Test
  void roisWithPositionsUniteIntoOneMask() {
    ImagePlus imp = stack(10, 8, 3);
    // slice 1: two overlapping rectangles 3×2 at (1,1) and (2,2) → union 3·2 + 3·2 − 2·1 = 10
    // slice 3: 4×1 rectangle at (5,7) clipped to the image: 4 pixels
    Roi[] rois = {rect(1, 1, 3, 2, 1), rect(2, 2, 3, 2, 1), rect(5, 7, 4, 5, 3)};
    Mask m = RoiMasks.fromRois(rois, imp);
    assertEquals(14, m.count());
    assertTrue(m.contains(1, 1, 0) && m.contains(4, 3, 0) && !m.contains(4, 1, 0));
    assertTrue(m.contains(5, 7, 2) && m.contains(8, 7, 2));
    assertEquals(0, countSlice(m, 1));
    // back to ROIs: one per non-empty slice, positions 1 and 3, same pixels
    Roi[] back = RoiMasks.toRois(m, imp);
    assertEquals(2, back.length);
    assertEquals(1, back[0].getPosition());
    assertEquals(3, back[1].getPosition());
    assertArrayEquals(m.data(), RoiMasks.fromRois(back, imp).data());
  }

  private static int countSlice(Mask m, int z) {
    int n = 0;
    for (int y = 0; y < m.geometry().size(1); y++) {
      for (int x = 0; x < m.geometry().size(0); x++) {
        n += m.contains(x, y, z) ? 1 : 0;
      }
    }
    return n;
  }

  /** Oval ROI: the pixels equal ImageJ's own mask of the oval (what Measure uses). */
  @Test
  void ovalUsesImageJMaskAndSelection() {
    ImagePlus imp = stack(12, 12, 1);
    OvalRoi oval = new OvalRoi(2, 3, 7, 5);
    imp.setRoi(oval);
    Mask m = RoiMasks.fromSelection(imp);
    int expected = 0;
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        expected += oval.getMask().get(x, y) != 0 ? 1 : 0;
      }
    }
    assertEquals(expected, m.count());
    assertEquals(imp.getStatistics().pixelCount, m.count());
  }

  @Test
  void roiSetFilesRoundTrip() throws IOException {
    ImagePlus imp = stack(10, 8, 3);
    Roi[] rois = {rect(1, 1, 3, 2, 1), rect(0, 0, 2, 2, 2)};
    rois[0].setName("a");
    rois[1].setName("b");
    Path zip = tmp.resolve("RoiSet.zip");
    RoiMasks.writeRoiSet(rois, zip);
    Mask m = RoiMasks.fromRoiFile(zip, imp);
    assertEquals(10, m.count());
    Path single = tmp.resolve("one.roi");
    assertTrue(RoiEncoder.save(rois[1], single.toString()));
    assertEquals(4, RoiMasks.fromRoiFile(single, imp).count());
    assertTrue(RoiMasks.fromRoiFile(single, imp).contains(1, 1, 1));
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> RoiMasks.fromRoiFile(tmp.resolve("gone.zip"), imp));
    assertTrue(e.getMessage().contains("gone.zip"));
    Path junk = tmp.resolve("junk.roi");
    Files.writeString(junk, "junk");
    e = assertThrows(ImageFormatException.class, () -> RoiMasks.fromRoiFile(junk, imp));
    assertTrue(e.getMessage().contains("junk.roi"), e.getMessage());
  }

  @Test
  void badRoisAreRefusedClearly() {
    ImagePlus imp = stack(10, 8, 3);
    Roi noPos = new Roi(1, 1, 2, 2);
    noPos.setName("tumour");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RoiMasks.fromRois(new Roi[] {noPos}, imp));
    assertTrue(e.getMessage().contains("'tumour' has no slice position"), e.getMessage());
    // but fine on a single slice
    assertEquals(4, RoiMasks.fromRois(new Roi[] {noPos}, stack(10, 8, 1)).count());
    Line line = new Line(0, 0, 5, 5);
    line.setPosition(1);
    e = assertThrows(IllegalArgumentException.class,
        () -> RoiMasks.fromRois(new Roi[] {line}, imp));
    assertTrue(e.getMessage().contains("not an area"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RoiMasks.fromRois(new Roi[] {rect(1, 1, 2, 2, 7)}, imp));
    assertTrue(e.getMessage().contains("slice 7"), e.getMessage());
  }

  /** Hidden ROI Manager round trip (skipped where AWT is headless: RoiManager is a Frame). */
  @Test
  void roiManagerRoundTrip() {
    assumeTrue(!GraphicsEnvironment.isHeadless(), "ROI Manager needs a display");
    ImagePlus imp = stack(10, 8, 3);
    Mask m = RoiMasks.fromRois(new Roi[] {rect(1, 1, 3, 2, 2)}, imp);
    RoiManager rm = new RoiManager(true);
    RoiMasks.toRoiManager(m, rm, imp);
    assertEquals(1, rm.getCount());
    assertArrayEquals(m.data(), RoiMasks.fromRoiManager(rm, imp).data());
    rm.close();
  }

  /** The same round trip with a real hidden ROI Manager, in a JVM under Xvfb. */
  @Test
  void roiManagerRoundTripUnderXvfb() throws Exception {
    assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/xvfb-run")), "no xvfb-run");
    String cp = String.join(java.io.File.pathSeparator,
        loc(RoiMasks.class), loc(RoiManagerXvfbMain.class), loc(ij.ImageJ.class),
        loc(net.imglib2.img.Img.class));
    Process p = new ProcessBuilder(java.util.List.of("timeout", "120", "xvfb-run", "-a",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        RoiManagerXvfbMain.class.getName())).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(150, java.util.concurrent.TimeUnit.SECONDS));
    // slice 1: 3×2 = 6 px; slice 3: oval 8×6 ∪ 4×4 square; two slices → two ROIs
    assertTrue(log.contains("RESULT count=2 same=true"), log);
  }

  private static String loc(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
