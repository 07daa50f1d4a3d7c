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
    Mask m = Masks.fromLabelImage(ImageInputs.toVolume(mask), Masks.LabelChoice.nonzero()).mask();
    roisAdded = ImageInputs.toRoiManager(m, mask);
  }
}
