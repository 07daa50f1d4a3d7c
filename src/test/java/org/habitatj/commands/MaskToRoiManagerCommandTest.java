package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import org.junit.jupiter.api.Test;

/** The mask read by Mask to ROI Manager (the ROI Manager part needs a display: RoiMasksTest). */
class MaskToRoiManagerCommandTest {

  /**
   * A mask drawn in plain ImageJ has no unit: it is accepted (ROIs are in pixels); a 3×2 block on
   * slice 2 of a 10×8×3 image gives 6 voxels. An empty one is refused as empty, not for its unit.
   */
  @Test
  void uncalibratedMaskIsAcceptedAndAnEmptyOneIsNamedEmpty() {
    ImagePlus imp = IJ.createImage("drawn", "8-bit black", 10, 8, 3);
    assertEquals("pixel", imp.getCalibration().getUnit());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MaskToRoiManagerCommand.maskOf(imp));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertTrue(!e.getMessage().contains("unit"), e.getMessage());
    imp.setSlice(2);
    for (int y = 3; y < 5; y++) {
      for (int x = 4; x < 7; x++) {
        imp.getStack().getProcessor(2).set(x, y, 255);
      }
    }
    assertEquals(6, MaskToRoiManagerCommand.maskOf(imp).count());
  }
}
