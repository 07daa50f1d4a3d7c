package org.habitatj.ij;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;

/**
 * Loads an image file and its mask file the way every HabitatJ entry point should: read both
 * (any supported format, {@link VolumeFiles}), choose the label ({@link Masks}), check the grid
 * (case C13) and resample the mask only when asked.
 */
public final class ImageMaskLoader {

  private ImageMaskLoader() {}

  /**
   * An image with its ROI.
   *
   * @param image the image as read
   * @param mask the ROI on the image's grid
   * @param selection how the label was chosen (label, auto-chosen flag, labels present)
   * @param resampled whether the mask was resampled onto the image grid
   * @param messages sentences for the user: reader notes, the automatic label choice, resampling
   */
  public record ImageAndMask(LoadedImage image, Mask mask, Masks.MaskSelection selection,
      boolean resampled, List<String> messages) {}

  /**
   * @param imagePath image file or DICOM folder
   * @param maskPath label image file
   * @param choice label / auto / nonzero
   * @param resampleMask nearest-neighbour resample the mask onto the image grid when the grids
   *     differ (otherwise such a mask is refused)
   * @throws ImageFormatException naming the file, for read errors
   * @throws MaskException for label problems, grid mismatch (printing both geometries) or an
   *     empty ROI
   */
  public static ImageAndMask load(Path imagePath, Path maskPath, Masks.LabelChoice choice,
      boolean resampleMask) throws ImageFormatException {
    LoadedImage img = VolumeFiles.open(imagePath);
    LoadedImage lbl = VolumeFiles.open(maskPath);
    List<String> messages = new ArrayList<>();
    for (String n : img.notes()) {
      messages.add(imagePath.getFileName() + ": " + n);
    }
    for (String n : lbl.notes()) {
      messages.add(maskPath.getFileName() + ": " + n);
    }
    Masks.MaskSelection sel;
    try {
      sel = Masks.fromLabelImage(lbl.volume(), choice);
    } catch (MaskException e) {
      throw new MaskException(e.reason(), maskPath + ": " + e.getMessage());
    }
    if (sel.message() != null) {
      messages.add(sel.message());
    }
    Mask mask = sel.mask();
    boolean resampled = false;
    if (!img.geometry().sameGrid(mask.geometry())) {
      if (!resampleMask) {
        Masks.checkSameGrid(img.geometry(), mask.geometry(), imagePath.toString(),
            maskPath.toString());
      }
      mask = Masks.resampleNearest(mask, img.geometry());
      resampled = true;
      messages.add("mask resampled onto the image grid (nearest neighbour), as requested: "
          + mask.count() + " voxels");
      if (mask.isEmpty()) {
        throw new MaskException(MaskException.Reason.EMPTY,
            maskPath + ": mask is empty after resampling onto the image grid (no overlap)");
      }
    }
    return new ImageAndMask(img, mask, sel, resampled, List.copyOf(messages));
  }
}
