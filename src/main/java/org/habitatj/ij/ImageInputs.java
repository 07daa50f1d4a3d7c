package org.habitatj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.measure.Calibration;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.io.MedicalImageReader;

/**
 * Glue between command inputs (an open ImagePlus, a file, the ROI Manager) and core {@link Volume}
 * / {@link Mask}, shared by the HabitatJ commands so each command stays thin.
 *
 * <p>ImagePlus to Volume here copies the calibrated values ({@link ImageProcessor#getPixelValue},
 * which applies the calibration function, e.g. 16-bit signed data) into a float array, x fastest;
 * spacing comes from the calibration in mm (cm and µm are converted; an image in pixels is an
 * error), origin from the calibration origin, direction identity.
 */
public final class ImageInputs {

  /** Mask source choices offered by the commands (the {@code mask_source} macro values). */
  public static final String MASK_FILE = "mask file";
  public static final String LABEL_IMAGE = "label image";
  public static final String ROI_MANAGER = "ROI Manager";

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
   * @param grid the image grid the mask must match (size, spacing, origin, direction)
   */
  public static Mask mask(String source, File maskFile, ImagePlus maskImage, int label,
      Geometry grid, List<String> notes) {
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
    } else if (LABEL_IMAGE.equalsIgnoreCase(source)) {
      if (!present(maskImage)) {
        throw new IllegalArgumentException("mask source is 'label image' but no mask image is open");
      }
      labels = toVolume(maskImage);
      name = maskImage.getTitle();
    } else if (ROI_MANAGER.equalsIgnoreCase(source)) {
      return fromRoiManager(grid);
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
      } else {
        Masks.checkSameGrid(grid, mg, "image", "mask '" + name + "'");
      }
    }
    Masks.MaskSelection sel = Masks.fromLabelImage(labels, choice);
    if (sel.message() != null) {
      notes.add(sel.message());
    }
    return sel.mask();
  }

  private static Volume read(File f, String what, List<String> notes) {
    try {
      var loaded = MedicalImageReader.read(f.toPath());
      notes.addAll(loaded.notes());
      return loaded.volume();
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IllegalArgumentException(
          "cannot read the " + what + " file " + f + ": " + m, e);
    }
  }

  /** Copies the calibrated values of a single-channel, single-frame ImagePlus into a Volume. */
  public static Volume toVolume(ImagePlus imp) {
    if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
      throw new IllegalArgumentException("image '" + imp.getTitle() + "' has "
          + imp.getNChannels() + " channels and " + imp.getNFrames()
          + " frames; use Image > Duplicate to pick one channel and one frame");
    }
    Geometry g = geometry(imp);
    int w = imp.getWidth();
    int h = imp.getHeight();
    int d = imp.getStackSize();
    float[] v = new float[w * h * d];
    ImageStack st = imp.getStack();
    Calibration cal = imp.getCalibration();
    for (int z = 0; z < d; z++) {
      ImageProcessor ip = st.getProcessor(z + 1);
      ip.setCalibrationTable(cal.getCTable());
      int off = z * w * h;
      for (int i = 0; i < w * h; i++) {
        v[off + i] = ip.getPixelValue(i % w, i / w);
      }
    }
    return Volume.ofFloats(v, g);
  }

  /** The grid of an ImagePlus: calibration in mm, origin from the calibration, no rotation. */
  public static Geometry geometry(ImagePlus imp) {
    Calibration c = imp.getCalibration();
    double f = mmPerUnit(c.getUnit(), imp.getTitle());
    double[] sp = {c.pixelWidth * f, c.pixelHeight * f, c.pixelDepth * f};
    double[] origin = {-c.xOrigin * sp[0], -c.yOrigin * sp[1], -c.zOrigin * sp[2]};
    return new Geometry(new int[] {imp.getWidth(), imp.getHeight(), imp.getStackSize()}, sp,
        origin, Geometry.identity());
  }

  private static double mmPerUnit(String unit, String title) {
    String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    switch (u) {
      case "mm", "millimeter", "millimetre":
        return 1;
      case "cm":
        return 10;
      case "µm", "um", "micron", "microns", "micrometer":
        return 1e-3;
      default:
        throw new IllegalArgumentException("image '" + title + "' has no physical unit (unit '"
            + unit + "'); set Image > Properties (unit mm and the voxel size) first");
    }
  }

  /** Writes the calibration of {@code g} (mm) into an ImagePlus. */
  public static void calibrate(ImagePlus imp, Geometry g) {
    Calibration c = new Calibration();
    c.setUnit("mm");
    c.pixelWidth = g.spacing(0);
    c.pixelHeight = g.spacing(1);
    c.pixelDepth = g.spacing(2);
    double[] o = g.origin();
    c.xOrigin = -o[0] / g.spacing(0);
    c.yOrigin = -o[1] / g.spacing(1);
    c.zOrigin = -o[2] / g.spacing(2);
    imp.setCalibration(c);
  }

  /** A 0/255 8-bit ImagePlus of a mask, calibrated. */
  public static ImagePlus toImagePlus(Mask mask, String title) {
    Geometry g = mask.geometry();
    int w = g.size(0);
    int h = g.size(1);
    ImageStack st = new ImageStack(w, h);
    byte[] d = mask.data();
    for (int z = 0; z < g.size(2); z++) {
      byte[] px = new byte[w * h];
      for (int i = 0; i < w * h; i++) {
        px[i] = d[z * w * h + i] != 0 ? (byte) 255 : 0;
      }
      st.addSlice(new ByteProcessor(w, h, px));
    }
    ImagePlus imp = new ImagePlus(title, st);
    calibrate(imp, g);
    return imp;
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
   * One 3D mask from the ROI Manager: each area ROI filled on its slice (ROI position, or the Z
   * position of a hyperstack ROI); several ROIs on a slice are united.
   *
   * @throws IllegalArgumentException when the ROI Manager is empty or a ROI has no slice position
   *     in a stack
   */
  public static Mask fromRoiManager(Geometry grid) {
    if (java.awt.GraphicsEnvironment.isHeadless()) {
      throw new IllegalArgumentException("there is no ROI Manager in a headless session; "
          + "give the mask as a file");
    }
    RoiManager rm = roiManager();
    if (rm == null || rm.getCount() == 0) {
      throw new IllegalArgumentException("mask source is 'ROI Manager' but it holds no ROI");
    }
    int w = grid.size(0);
    int h = grid.size(1);
    int depth = grid.size(2);
    byte[] data = new byte[Math.toIntExact(grid.voxelCount())];
    Roi[] rois = rm.getRoisAsArray();
    for (int r = 0; r < rois.length; r++) {
      Roi roi = rois[r];
      if (!roi.isArea()) {
        throw new IllegalArgumentException("ROI " + (r + 1) + " ('" + roi.getName()
            + "') is not an area ROI");
      }
      int z = roi.getZPosition() > 0 ? roi.getZPosition() : roi.getPosition();
      if (z == 0 && depth == 1) {
        z = 1;
      }
      if (z < 1 || z > depth) {
        throw new IllegalArgumentException("ROI " + (r + 1) + " ('" + roi.getName()
            + "') has slice position " + z + "; the image has " + depth
            + " slices (add ROIs with 'Associate with slice' on)");
      }
      ImageProcessor m = roi.getMask();
      java.awt.Rectangle b = roi.getBounds();
      for (int y = 0; y < b.height; y++) {
        for (int x = 0; x < b.width; x++) {
          int gx = b.x + x;
          int gy = b.y + y;
          if (gx >= 0 && gy >= 0 && gx < w && gy < h && (m == null || m.get(x, y) != 0)) {
            data[(z - 1) * w * h + gy * w + gx] = 1;
          }
        }
      }
    }
    return new Mask(data, grid);
  }

  /**
   * Puts a mask into the ROI Manager, one ROI per slice (traced outlines, holes kept), named
   * {@code prefix-slice}; the ROI Manager is created hidden when none is open and the session is
   * headless or in batch mode.
   *
   * @return the number of ROIs added
   */
  public static int toRoiManager(Mask mask, String prefix) {
    if (java.awt.GraphicsEnvironment.isHeadless()) {
      throw new IllegalArgumentException("there is no ROI Manager in a headless session; "
          + "save the mask as a file instead");
    }
    RoiManager rm = roiManager();
    if (rm == null) {
      rm = Interpreter.isBatchMode() ? new RoiManager(true) : RoiManager.getRoiManager();
    }
    Geometry g = mask.geometry();
    int w = g.size(0);
    int h = g.size(1);
    int n = 0;
    for (int z = 0; z < g.size(2); z++) {
      ByteProcessor bp = new ByteProcessor(w, h);
      boolean any = false;
      for (int i = 0; i < w * h; i++) {
        if (mask.data()[z * w * h + i] != 0) {
          bp.set(i, 255);
          any = true;
        }
      }
      if (!any) {
        continue;
      }
      bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
      Roi roi = new ij.plugin.filter.ThresholdToSelection().convert(bp);
      roi.setPosition(z + 1);
      roi.setName(String.format(Locale.ROOT, "%s-%04d", prefix, z + 1));
      rm.addRoi(roi);
      n++;
    }
    return n;
  }
}
