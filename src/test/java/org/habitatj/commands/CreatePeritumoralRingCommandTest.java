package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.Map;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Volume;
import org.habitatj.ij.CommandBridge;
import org.habitatj.io.NrrdWriter;
import org.habitatj.io.VoxelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Create Peritumoral Ring" through the bridge's macro path (headless), case C21 + C02. */
class CreatePeritumoralRingCommandTest {

  @TempDir Path tmp;

  static int count(ImagePlus imp) {
    int n = 0;
    for (int z = 1; z <= imp.getStackSize(); z++) {
      byte[] px = (byte[]) imp.getStack().getPixels(z);
      for (byte b : px) {
        n += b != 0 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void c21RingFromLabelTwoExcludingLabelOne() throws Exception {
    // 41x41x9, 0.5x0.5x4 mm; tumour label 2 at (20,20,4); label 1 at (22,20,4), 1 mm away.
    // 3-mm ring: 112 voxels (C21), minus the label-1 voxel when other labels are excluded.
    Geometry g = Geometry.of(new int[] {41, 41, 9}, new double[] {0.5, 0.5, 4.0});
    double[] l = new double[41 * 41 * 9];
    l[g.index(20, 20, 4)] = 2;
    l[g.index(22, 20, 4)] = 1;
    Path labels = tmp.resolve("labels.nrrd");
    NrrdWriter.write(Volume.ofDoubles(l, g), VoxelType.UINT8, labels, true);
    String common = "mask_source=[mask file] mask_file=[" + labels + "] label=2 distance=3 ";
    Map<String, Object> out = CommandBridge.runWithOptions(CreatePeritumoralRingCommand.class,
        common + "mode=3D exclude_other_labels=true");
    ImagePlus ring = (ImagePlus) out.get("ring");
    assertEquals(111, count(ring));
    assertEquals(0.5, ring.getCalibration().pixelWidth, 1e-12);
    assertEquals(4.0, ring.getCalibration().pixelDepth, 1e-12);
    String summary = (String) out.get("summary");
    assertTrue(summary.contains("111 voxels"), summary);
    assertTrue(summary.contains("along z"), summary); // 3 mm < 4 mm slices: warned
    Map<String, Object> twoD = CommandBridge.runWithOptions(CreatePeritumoralRingCommand.class,
        common + "mode=[2D per slice] exclude_other_labels=true");
    assertEquals(111, count((ImagePlus) twoD.get("ring")));
    Map<String, Object> keep = CommandBridge.runWithOptions(CreatePeritumoralRingCommand.class,
        common + "mode=[2D per slice] exclude_other_labels=false");
    assertEquals(112, count((ImagePlus) keep.get("ring")));
  }
}
