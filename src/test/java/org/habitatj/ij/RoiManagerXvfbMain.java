package org.habitatj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import java.util.Arrays;
import org.habitatj.core.image.Mask;

/**
 * Run by {@link RoiMasksTest} in a separate JVM under Xvfb (the ROI Manager is an AWT Frame):
 * ROIs on slices 1 and 3 (two on slice 3) → mask → hidden ROI Manager (one ROI per slice) → mask.
 * Prints "RESULT count=&lt;ROIs in manager&gt; same=&lt;masks equal&gt; voxels=&lt;n&gt;".
 */
public final class RoiManagerXvfbMain {

  private RoiManagerXvfbMain() {}

  public static void main(String[] args) {
    ImageStack st = new ImageStack(20, 16);
    for (int z = 0; z < 3; z++) {
      st.addSlice(new ByteProcessor(20, 16));
    }
    ImagePlus imp = new ImagePlus("img", st);
    imp.getCalibration().setUnit("mm");
    Roi a = new Roi(1, 1, 3, 2);
    a.setPosition(1);
    Roi b = new OvalRoi(5, 5, 8, 6);
    b.setPosition(3);
    Roi c = new Roi(2, 2, 4, 4);
    c.setPosition(3);
    Mask m = RoiMasks.fromRois(new Roi[] {a, b, c}, imp);
    RoiManager rm = new RoiManager(true);
    RoiMasks.toRoiManager(m, rm, imp);
    Mask back = RoiMasks.fromRoiManager(rm, imp);
    System.out.println("RESULT count=" + rm.getCount() + " same="
        + Arrays.equals(m.data(), back.data()) + " voxels=" + back.count());
    rm.close();
    System.exit(0);
  }
}
