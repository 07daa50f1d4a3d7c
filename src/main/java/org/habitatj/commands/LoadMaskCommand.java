package org.habitatj.commands;

import ij.ImagePlus;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.PipelineInputs;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A binary mask (8-bit, 0/255, calibrated in mm) from a label image, open or read from a NIfTI /
 * NRRD file: the voxels of one label, or the only non-zero label when the label is 0 (the choice
 * is reported). Non-integer label values, absent labels and empty masks are errors that list the
 * values found.
 */
@Plugin(type = Command.class, headless = true, label = "Load Mask")
public class LoadMaskCommand implements Command {

  @Parameter(label = "Label file", required = false,
      description = "NIfTI or NRRD label image (used when given)")
  private File labelFile;

  @Parameter(label = "Label image", required = false,
      description = "open label image (used when no file is given)")
  private ImagePlus labelImage;

  @Parameter(label = "Label", min = "0", description = "0 = the only non-zero label")
  private int label = 0;

  @Parameter(type = ItemIO.OUTPUT, label = "Mask")
  private ImagePlus mask;

  @Parameter(type = ItemIO.OUTPUT, label = "Mask summary")
  private String summary;

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume labels;
    String name;
    if (ImageInputs.present(labelFile)) {
      labels = ImageInputs.image(null, labelFile, notes);
      name = PipelineInputs.stem(labelFile.getName());
    } else if (ImageInputs.present(labelImage)) {
      labels = ImageInputs.toVolume(labelImage);
      name = labelImage.getTitle();
    } else {
      throw new IllegalArgumentException("give a label file or open a label image");
    }
    Masks.MaskSelection sel = Masks.fromLabelImage(labels,
        label == 0 ? Masks.LabelChoice.auto() : Masks.LabelChoice.label(label));
    Mask m = sel.mask();
    mask = ImageInputs.toImagePlus(m, name + " mask");
    if (sel.message() != null) {
      notes.add(sel.message());
    }
    summary = name + ": label " + sel.label() + ", " + m.count() + " voxels, "
        + m.geometry().describe() + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
  }
}
