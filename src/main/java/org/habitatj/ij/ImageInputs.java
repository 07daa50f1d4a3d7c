package org.habitatj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.io.MedicalImageReader;

/**
 * Glue between command inputs (an open ImagePlus, a file, the ROI Manager) and core {@link Volume}
 * / {@link Mask}, shared by the HabitatJ commands so each command stays thin.
 *
 * <p>ImagePlus conversions go through {@link ImagePlusVolumes} (calibrated values without copying,
 * geometry from the calibration and the {@code habitatj.geometry} property) and ROI conversions
 * through {@link RoiMasks}.
 */
public final class ImageInputs {

  /** Mask source choices offered by the commands (the {@code mask_source} macro values). */
  public static final String MASK_FILE = "mask file";
  public static final String LABEL_IMAGE = "label image";
  public static final String ROI_MANAGER = "ROI Manager";
  /**
   * Accepted alias of {@link #LABEL_IMAGE}: the input holding that image has the macro key
   * {@code mask_image}, so {@code mask_source=[mask image]} means the same.
   */
  public static final String MASK_IMAGE = "mask image";

  /**
   * The canonical mask source for a value: {@link #MASK_IMAGE} (any case) gives {@link
   * #LABEL_IMAGE}; other values are returned unchanged.
   */
  public static String canonicalSource(String source) {
    return MASK_IMAGE.equalsIgnoreCase(source == null ? "" : source.trim()) ? LABEL_IMAGE : source;
  }

  /** True for the label-image source ({@code "label image"} or its alias {@code "mask image"}). */
  public static boolean isLabelImage(String source) {
    return LABEL_IMAGE.equalsIgnoreCase(canonicalSource(source));
  }

  private ImageInputs() {}

  /** True when an ImagePlus input was really given (SciJava injects an empty ImagePlus). */
  public static boolean present(ImagePlus imp) {
    return imp != null && imp.getProcessor() != null && imp.getStackSize() > 0;
  }

  /** True when a File input was given. */
  public static boolean present(File f) {
    return f != null && !f.getPath().isBlank();
  }

  /**
   * The image: read from {@code file} when given (NIfTI, NRRD), else the open {@code imp}.
   *
   * @throws IllegalArgumentException when neither is given, the file cannot be read, or the
   *     ImagePlus is unusable (several channels or frames, no physical unit)
   */
  public static Volume image(ImagePlus imp, File file, List<String> notes) {
    if (present(file)) {
      return read(file, "image", notes);
    }
    if (!present(imp)) {
      throw new IllegalArgumentException("no image: open one or give an image file");
    }
    return toVolume(imp);
  }

  /**
   * The ROI from the chosen source, on the image grid.
   *
   * @param source {@link #MASK_FILE}, {@link #LABEL_IMAGE} or {@link #ROI_MANAGER}
   * @param label the label to use, or 0 for the only non-zero label (auto)
   * @param image the open image the ROIs were drawn on (ROI Manager source), or null
   * @param grid the image grid the mask must match (size, spacing, origin, direction)
   */
  public static Mask mask(String source, File maskFile, ImagePlus maskImage, int label,
      ImagePlus image, Geometry grid, List<String> notes) {
    return selectMask(source, maskFile, maskImage, label, image, grid, notes).mask();
  }

  /**
   * A ROI with how its label was chosen.
   *
   * @param mask the 0/1 ROI on the image grid
   * @param label the label used, or null (ROI Manager, or every non-zero voxel)
   * @param labelChoice {@link PipelineInputs#GIVEN}, {@link PipelineInputs#AUTO}, {@link
   *     PipelineInputs#NONZERO} or {@link PipelineInputs#ROI_MANAGER}
   * @param resampled whether the ROI was resampled onto the image grid (on request)
   */
  public record SelectedMask(Mask mask, Integer label, String labelChoice, boolean resampled) {}

  /**
   * As {@link #mask}, also telling which label was used (for the record in settings.json).
   *
   * @throws IllegalArgumentException as {@link #mask}
   */
  public static SelectedMask selectMask(String source, File maskFile, ImagePlus maskImage,
      int label, ImagePlus image, Geometry grid, List<String> notes) {
    return selectMask(source, maskFile, maskImage, label, image, grid, false, notes);
  }

  /**
   * As {@link #selectMask(String, File, ImagePlus, int, ImagePlus, Geometry, List)}; with {@code
   * resample}, a mask file or label image on another grid is not refused: the label is chosen on
   * the mask's own grid, then the ROI is resampled onto the image grid by nearest neighbour
   * ({@link Masks#resampleNearest}), with a note giving the voxel count (case C13: only on
   * request).
   *
   * @throws IllegalArgumentException as the other form, and when the resampled ROI is empty
   *     (the grids do not overlap)
   */
  public static SelectedMask selectMask(String source, File maskFile, ImagePlus maskImage,
      int label, ImagePlus image, Geometry grid, boolean resample, List<String> notes) {
    Masks.LabelChoice choice = label == 0 ? Masks.LabelChoice.auto()
        : Masks.LabelChoice.label(label);
    Volume labels;
    String name;
    if (MASK_FILE.equalsIgnoreCase(source)) {
      if (!present(maskFile)) {
        throw new IllegalArgumentException("mask source is 'mask file' but no mask file is given");
      }
      labels = read(maskFile, "mask", notes);
      name = maskFile.getName();
    } else if (isLabelImage(source)) {
      if (!present(maskImage)) {
        throw new IllegalArgumentException("mask source is 'label image' but no mask image is open");
      }
      labels = toVolume(maskImage);
      name = maskImage.getTitle();
    } else if (ROI_MANAGER.equalsIgnoreCase(source)) {
      return new SelectedMask(fromRoiManager(present(image) ? image : null, grid), null,
          PipelineInputs.ROI_MANAGER, false);
    } else {
      throw new IllegalArgumentException("unknown mask source '" + source + "'");
    }
    Geometry mg = labels.geometry();
    if (!mg.sameGrid(grid)) {
      // an ImagePlus carries no direction: a grid equal in size and spacing is the image grid
      Geometry moved = new Geometry(mg.size(), mg.spacing(), grid.origin(), grid.direction());
      if (moved.sameGrid(grid)) {
        notes.add("mask '" + name + "' has the image's size and spacing but another origin or "
            + "direction (one of them is an ImageJ image); the image grid is used");
        labels = Volume.ofDoubles(labels.toDoubleArray(), grid);
      } else if (resample) {
        Masks.MaskSelection sel = Masks.fromLabelImage(labels, choice);
        if (sel.message() != null) {
          notes.add(sel.message());
        }
        Mask m = Masks.resampleNearest(sel.mask(), grid);
        if (m.isEmpty()) {
          throw new IllegalArgumentException("mask '" + name + "' is empty after resampling onto "
              + "the image grid (the grids do not overlap)");
        }
        notes.add("mask '" + name + "' resampled onto the image grid (nearest neighbour), as "
            + "requested: " + m.count() + " voxels");
        return new SelectedMask(m, sel.label(), PipelineInputs.choice(sel), true);
      } else {
        try {
          Masks.checkSameGrid(grid, mg, "image", "mask '" + name + "'");
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(e.getMessage().replace(
              "if it is on purpose, resample the mask onto the image grid (nearest neighbour).",
              "if it is on purpose, set resample_mask=true (dialog: \"Resample mask onto image "
                  + "grid\") to resample the mask onto the image grid (nearest neighbour)."), e);
        }
      }
    }
    Masks.MaskSelection sel = Masks.fromLabelImage(labels, choice);
    if (sel.message() != null) {
      notes.add(sel.message());
    }
    return new SelectedMask(sel.mask(), sel.label(), PipelineInputs.choice(sel), false);
  }

  private static Volume read(File f, String what, List<String> notes) {
    try {
      var loaded = MedicalImageReader.read(f.toPath());
      notes.addAll(loaded.notes());
      return loaded.volume();
    } catch (IOException | RuntimeException e) {
      throw readError(what, f, e);
    }
  }

  /**
   * "cannot read the WHAT file F: problem", naming the file once: a reader's message that already
   * starts with the file's path ({@link org.habitatj.io.ImageFormatException}) is not prefixed
   * with it a second time.
   */
  public static IllegalArgumentException readError(String what, File f, Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    String prefix = f + ": ";
    if (m.startsWith(prefix)) {
      m = m.substring(prefix.length());
    }
    // java.nio's file exceptions carry only the path as their message
    if (e instanceof java.nio.file.NoSuchFileException) {
      m = "no such file";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      m = "permission denied";
    } else if (m.equals(f.toString())) {
      m = e.getClass().getSimpleName();
    }
    return new IllegalArgumentException("cannot read the " + what + " file " + f + ": " + m, e);
  }

  /**
   * The calibrated values of a single-channel, single-frame ImagePlus as a Volume, without copying
   * ({@link ImagePlusVolumes#wrap}: refuses several channels/frames and images without a physical
   * unit, with a message saying what to do).
   */
  public static Volume toVolume(ImagePlus imp) {
    return ImagePlusVolumes.wrap(imp);
  }

  /** Writes the geometry {@code g} (calibration in mm, direction property) into an ImagePlus. */
  public static void calibrate(ImagePlus imp, Geometry g) {
    ImagePlusVolumes.setGeometry(imp, g);
  }

  /** A 0/255 8-bit ImagePlus of a mask, with its geometry. */
  public static ImagePlus toImagePlus(Mask mask, String title) {
    return ImagePlusVolumes.toImagePlus(mask, title);
  }

  /** A 32-bit ImagePlus of a float volume (x fastest), calibrated (NaN stays NaN). */
  public static ImagePlus toImagePlus(float[] values, Geometry g, String title) {
    int w = g.size(0);
    int h = g.size(1);
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < g.size(2); z++) {
      float[] px = new float[w * h];
      System.arraycopy(values, z * w * h, px, 0, w * h);
      st.addSlice(new FloatProcessor(w, h, px));
    }
    ImagePlus imp = new ImagePlus(title, st);
    calibrate(imp, g);
    imp.resetDisplayRange();
    return imp;
  }

  /** A 8-bit label ImagePlus (values 0..255) of an int label map (x fastest), calibrated. */
  public static ImagePlus labelsToImagePlus(int[] labels, Geometry g, String title) {
    int w = g.size(0);
    int h = g.size(1);
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < g.size(2); z++) {
      byte[] px = new byte[w * h];
      for (int i = 0; i < w * h; i++) {
        px[i] = (byte) Math.min(255, Math.max(0, labels[z * w * h + i]));
      }
      st.addSlice(new ByteProcessor(w, h, px));
    }
    ImagePlus imp = new ImagePlus(title, st);
    calibrate(imp, g);
    imp.setDisplayRange(0, Math.max(1, max(labels)));
    return imp;
  }

  private static int max(int[] a) {
    int m = 0;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** The ROI Manager of this session (the batch-mode one inside a batch macro), or null. */
  public static RoiManager roiManager() {
    RoiManager rm = Interpreter.isBatchMode() ? Interpreter.getBatchModeRoiManager() : null;
    return rm != null ? rm : RoiManager.getInstance();
  }

  /**
   * One 3D mask from the ROI Manager ({@link RoiMasks#fromRois}: each area ROI filled on its
   * slice, several ROIs on a slice united) on the grid of the image.
   *
   * @param image the image the ROIs were drawn on, or null (then only {@code grid} is used)
   * @throws IllegalArgumentException when headless, the ROI Manager is empty, or a ROI has no
   *     slice position in a stack
   */
  public static Mask fromRoiManager(ImagePlus image, Geometry grid) {
    if (java.awt.GraphicsEnvironment.isHeadless()) {
      throw new IllegalArgumentException("there is no ROI Manager in a headless session; "
          + "give the mask as a file");
    }
    RoiManager rm = roiManager();
    if (rm == null || rm.getCount() == 0) {
      throw new IllegalArgumentException("mask source is 'ROI Manager' but it holds no ROI");
    }
    ImagePlus ref = image;
    if (ref == null) {
      ref = IJ.createImage("grid", "8-bit black", grid.size(0), grid.size(1), grid.size(2));
    }
    return RoiMasks.fromRois(rm.getRoisAsArray(), ref, grid);
  }

  /**
   * Puts a mask into the ROI Manager, one ROI per slice with its slice position ({@link
   * RoiMasks#toRois}); inside a batch macro the batch-mode ROI Manager is used.
   *
   * @return the number of ROIs added
   * @throws IllegalArgumentException when headless (there is no ROI Manager)
   */
  public static int toRoiManager(Mask mask, ImagePlus image) {
    if (java.awt.GraphicsEnvironment.isHeadless()) {
      throw new IllegalArgumentException("there is no ROI Manager in a headless session; "
          + "save the mask as a file instead");
    }
    RoiManager rm = roiManager();
    if (rm == null) {
      rm = Interpreter.isBatchMode() ? new RoiManager(true) : RoiManager.getRoiManager();
    }
    Roi[] rois = RoiMasks.toRois(mask, image);
    for (Roi r : rois) {
      rm.addRoi(r);
    }
    return rois.length;
  }
}
