package org.habitatj.commands;

import ij.ImagePlus;
import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.image.BodyMask;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.image.Volume;
import org.habitatj.ij.ImageInputs;
import org.habitatj.io.MedicalImageReader;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Create Peritumoral Ring: the voxels within a distance in mm of the tumour (exact Euclidean
 * distance on the calibrated grid, 2D per slice or 3D), minus the tumour and, optionally, minus the
 * other labels of the label image and outside an Otsu body mask or a user mask. The ring is a
 * calibrated 0/255 mask (see {@link PeritumoralRing}). The image gives the grid and the body mask;
 * it is optional when a mask file or mask image gives the grid.
 */
@Plugin(type = Command.class, headless = true, label = "Create Peritumoral Ring")
public class CreatePeritumoralRingCommand extends ImageMaskCommand {

  static final String MODE_2D = "2D per slice";
  static final String MODE_3D = "3D";

  @Parameter(label = "Distance (mm)", min = "0.001", description = "ring width in mm")
  private double distance = 3.0;

  @Parameter(label = "Mode", choices = {MODE_2D, MODE_3D},
      description = "2D: each slice on its own (thick MRI slices); 3D: across slices")
  private String mode = MODE_2D;

  @Parameter(label = "Exclude other labels",
      description = "remove voxels of every other non-zero label of the label image")
  private boolean excludeOtherLabels = true;

  @Parameter(label = "Body mask (Otsu)",
      description = "keep only voxels inside an Otsu body mask of the image")
  private boolean bodyMask = false;

  @Parameter(label = "Restrict to mask", required = false,
      description = "optional open mask image: keep only its non-zero voxels")
  private ImagePlus restrictMask;

  @Parameter(type = ItemIO.OUTPUT, label = "Ring")
  private ImagePlus ring;

  @Parameter(type = ItemIO.OUTPUT, label = "Ring summary")
  private String summary;

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume img = ImageInputs.present(image) || ImageInputs.present(imageFile)
        ? ImageInputs.image(image, imageFile, notes) : null;
    Volume labels = labelVolume();
    if (img == null && labels == null) {
      throw new IllegalArgumentException("give an image (or a mask file / mask image for the grid)");
    }
    Geometry grid = img != null ? img.geometry() : labels.geometry();
    Mask tumour = ImageInputs.selectMask(maskSource, maskFile, maskImage, label,
        ImageInputs.present(imageFile) ? null : image, grid, resampleMask, notes).mask();
    PeritumoralRing.Builder b = PeritumoralRing.builder().distanceMm(distance)
        .mode(MODE_3D.equals(mode) ? PeritumoralRing.Mode.VOLUME_3D : PeritumoralRing.Mode.SLICE_2D);
    if (excludeOtherLabels && labels != null) {
      byte[] any = Masks.fromLabelImage(labels, Masks.LabelChoice.nonzero()).mask().data();
      byte[] other = new byte[any.length];
      for (int i = 0; i < other.length; i++) {
        other[i] = (byte) (any[i] != 0 && !tumour.contains(i) ? 1 : 0);
      }
      b.exclude(new Mask(other, grid));
    }
    if (bodyMask) {
      if (img == null) {
        throw new IllegalArgumentException("the body mask needs an image");
      }
      b.restrictTo(BodyMask.otsu(img));
    }
    if (ImageInputs.present(restrictMask)) {
      b.restrictTo(ImageInputs.mask(ImageInputs.LABEL_IMAGE, null, restrictMask, 0, null, grid, notes));
    }
    PeritumoralRing.Result r = b.build().compute(tumour);
    notes.addAll(r.warnings());
    ring = ImageInputs.toImagePlus(r.mask(), "peritumoral ring " + fmt(distance) + " mm");
    summary = "ring " + fmt(distance) + " mm (" + mode + "): " + r.voxels() + " voxels ("
        + r.grownVoxels() + " within distance, " + r.excludedVoxels() + " other labels, "
        + r.outsideRestrictionVoxels() + " outside restriction)"
        + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
  }

  private Volume labelVolume() {
    if (ImageInputs.MASK_FILE.equalsIgnoreCase(maskSource) && ImageInputs.present(maskFile)) {
      try {
        return MedicalImageReader.read(maskFile.toPath()).volume();
      } catch (Exception e) {
        throw ImageInputs.readError("mask", maskFile, e);
      }
    }
    if (ImageInputs.isLabelImage(maskSource) && ImageInputs.present(maskImage)) {
      return ImageInputs.toVolume(maskImage);
    }
    return null;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
