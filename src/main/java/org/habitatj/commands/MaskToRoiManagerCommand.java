package org.habitatj.commands;

import ij.ImagePlus;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.ij.ImageInputs;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Sends a mask (every non-zero voxel) to the ROI Manager as one ROI per slice, named {@code
 * habitatj-z<slice>} with the slice position set, for editing; "ROI Manager" as mask source turns
 * them back into a 3D mask. Needs a display (in a batch macro the batch-mode ROI Manager is used).
 */
@Plugin(type = Command.class, headless = false, label = "Mask to ROI Manager")
public class MaskToRoiManagerCommand implements Command {

  @Parameter(label = "Mask", description = "open mask or label image (non-zero = ROI)")
  private ImagePlus mask;

  @Parameter(type = ItemIO.OUTPUT, label = "ROIs added")
  private int roisAdded;

  @Override
  public void run() {
    if (!ImageInputs.present(mask)) {
      throw new IllegalArgumentException("no mask image is open");
    }
    roisAdded = ImageInputs.toRoiManager(maskOf(mask), mask);
  }

  /**
   * The non-zero voxels of an open image as a mask; outlines in pixels need no voxel size, so an
   * uncalibrated mask drawn in ImageJ is accepted (one unit taken as 1 mm).
   *
   * @throws IllegalArgumentException naming an empty mask
   */
  static Mask maskOf(ImagePlus imp) {
    return Masks.fromLabelImage(org.habitatj.ij.ImagePlusVolumes.wrap(imp, 0, 0,
        org.habitatj.ij.ImagePlusVolumes.UnitPolicy.ASSUME_MM), Masks.LabelChoice.nonzero()).mask();
  }
}
