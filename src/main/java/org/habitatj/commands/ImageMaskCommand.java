package org.habitatj.commands;

import ij.ImagePlus;
import java.io.File;
import java.util.List;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.PipelineInputs;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

/**
 * The image and mask inputs shared by the commands that work on one image and one ROI: an open
 * image or a NIfTI/NRRD image file, and a mask from a label file, an open label image or the ROI
 * Manager, with its label. Declared once here so every command gives them the same labels,
 * defaults, choices and macro keys ({@code image}, {@code image_file}, {@code mask_source},
 * {@code mask_file}, {@code mask_image}, {@code label}); inherited fields come first in the
 * command's parameter (and recorded macro) order, before the subclass's own fields.
 */
abstract class ImageMaskCommand implements Command {

  @Parameter(label = "Image", required = false,
      description = "open image (used when no image file is given)")
  ImagePlus image;

  @Parameter(label = "Image file (instead of Image)", required = false,
      description = "NIfTI or NRRD image; when given, it is used instead of the open image")
  File imageFile;

  @Parameter(label = "Mask source", choices = {ImageInputs.MASK_FILE, ImageInputs.LABEL_IMAGE,
      ImageInputs.ROI_MANAGER})
  String maskSource = ImageInputs.MASK_FILE;

  @Parameter(label = "Mask file", required = false, description = "NIfTI or NRRD label image")
  File maskFile;

  @Parameter(label = "Mask image", required = false, description = "open label image")
  ImagePlus maskImage;

  @Parameter(label = "Label (0 = auto)", min = "0",
      description = "ROI (tumour) label; 0 = the only non-zero label")
  int label = 0;

  @Parameter(label = "Resample mask onto image grid", description = "a mask on another grid "
      + "(size, spacing, origin, direction) is refused unless this is on; then it is resampled "
      + "onto the image grid by nearest neighbour")
  boolean resampleMask = false;

  /**
   * The image read from the image file, or else the open image.
   *
   * @throws IllegalArgumentException if neither is given or the file cannot be read
   */
  Volume volume(List<String> notes) {
    return ImageInputs.image(image, imageFile, notes);
  }

  /**
   * The mask on the image grid; the ROI Manager's ROIs are taken as drawn on the open image unless
   * an image file is given.
   *
   * @throws IllegalArgumentException if the mask is missing, empty or on another grid
   */
  Mask mask(Volume img, List<String> notes) {
    return selectMask(img, notes).mask();
  }

  /**
   * As {@link #mask}, also telling which label was used.
   *
   * @throws IllegalArgumentException as {@link #mask}
   */
  ImageInputs.SelectedMask selectMask(Volume img, List<String> notes) {
    return ImageInputs.selectMask(maskSource, maskFile, maskImage, label,
        ImageInputs.present(imageFile) ? null : image, img.geometry(), resampleMask, notes);
  }

  /**
   * With Label 0 (auto), takes the label a PyRadiomics parameter file gives ({@code setting:
   * label}) and notes it (a different label given explicitly wins, also noted); call before the
   * mask is selected. An unreadable file is left to the
   * caller, which reads it again and names the problem.
   */
  void takeLabelFrom(java.io.File settingsFile, List<String> notes) {
    if (!ImageInputs.present(settingsFile)) {
      return;
    }
    try {
      org.habitatj.core.settings.PyRadiomicsParams.Parsed p =
          org.habitatj.core.settings.PyRadiomicsParams.read(settingsFile.toPath());
      if (p.gives("label") && label == 0) {
        label = p.settings().label();
        notes.add("label " + label + " from the settings file " + settingsFile.getName());
      } else if (p.gives("label") && label != p.settings().label()) {
        notes.add("label " + label + " as given; the settings file " + settingsFile.getName()
            + " says label " + p.settings().label() + ", not used");
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      // reported when the caller reads the settings
    }
  }

  /**
   * The case ID when none is given: the image file's folder name ({@link
   * PipelineInputs#defaultCaseId}), also for an open image imported with File › Import › NIfTI/NRRD
   * (HabitatJ), which knows its file; else the open image's title without extension.
   */
  String defaultCaseId() {
    String source = ImageInputs.present(imageFile) ? null : image.getProp("habitatj.source");
    return ImageInputs.present(imageFile) ? PipelineInputs.defaultCaseId(imageFile.toPath())
        : source != null ? PipelineInputs.defaultCaseId(java.nio.file.Path.of(source))
        : PipelineInputs.stem(image.getTitle());
  }

  /** The record of these inputs for settings.json ({@link PipelineInputs}). */
  PipelineInputs inputs(ImageInputs.SelectedMask sel) {
    String src = ImageInputs.MASK_FILE.equalsIgnoreCase(maskSource) ? ImageInputs.MASK_FILE
        : ImageInputs.isLabelImage(maskSource) ? ImageInputs.LABEL_IMAGE : ImageInputs.ROI_MANAGER;
    String m = src.equals(ImageInputs.MASK_FILE) ? PipelineInputs.path(maskFile)
        : src.equals(ImageInputs.LABEL_IMAGE) ? maskImage.getTitle() : null;
    // an image opened by File > Import > NIfTI/NRRD (HabitatJ) knows its file
    String opened = ImageInputs.present(imageFile) ? null : image.getProp("habitatj.source");
    return new PipelineInputs(ImageInputs.present(imageFile) ? PipelineInputs.path(imageFile)
        : opened != null ? opened : image.getTitle(), src, m, sel.label(), sel.labelChoice(),
        sel.resampled());
  }

  /**
   * Title stem for the outputs: the image file's name, or else the open image's title, without
   * an image extension ({@link org.habitatj.ij.PipelineInputs#stem}).
   */
  String title() {
    return org.habitatj.ij.PipelineInputs.stem(
        ImageInputs.present(imageFile) ? imageFile.getName() : image.getTitle());
  }
}
