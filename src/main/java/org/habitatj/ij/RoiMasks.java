package org.habitatj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.plugin.filter.ThresholdToSelection;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.io.ImageFormatException;

/**
 * ImageJ ROIs ⇄ HabitatJ {@link Mask}s.
 *
 * <p>ROIs → mask: every area ROI is rasterised with ImageJ's own {@link Roi#getMask()} (the pixels
 * ImageJ measures) on the slice given by its position; several ROIs on one slice are united.
 * Position rules: a hyperstack position (c, z, t) gives slice z; otherwise {@link
 * Roi#getPosition()} is a stack index converted to z. An ROI without a position (0) is accepted on
 * a single-slice image and refused on a stack (which slice it belongs to is unknown). Line, point
 * and text ROIs are refused. Parts outside the image are clipped. The mask takes the image's
 * geometry (an ROI drawn on an image is always on its grid, case C13).
 *
 * <p>Mask → ROIs: one composite/shape ROI per non-empty slice (ImageJ's threshold-to-selection),
 * with its slice position set, named "habitatj-z&lt;N&gt;".
 */
public final class RoiMasks {

  private RoiMasks() {}

  /**
   * Unites ROIs into one 3D mask on the image's grid.
   *
   * @param rois ROIs with slice positions (ROI Manager content)
   * @param imp the image they were drawn on (size and geometry)
   * @throws IllegalArgumentException for non-area ROIs, ROIs without a position on a stack,
   *     positions outside the stack, or an empty result
   */
  public static Mask fromRois(Roi[] rois, ImagePlus imp) {
    Geometry g = ImagePlusVolumes.geometry(imp, ImagePlusVolumes.UnitPolicy.ASSUME_MM).geometry();
    return fromRois(rois, imp, g);
  }

  /** As {@link #fromRois(Roi[], ImagePlus)} with an explicit geometry (e.g. after a unit check). */
  public static Mask fromRois(Roi[] rois, ImagePlus imp, Geometry g) {
    if (rois == null || rois.length == 0) {
      throw new IllegalArgumentException("no ROIs: draw the tumour outline(s) first");
    }
    int w = g.size(0);
    int h = g.size(1);
    int nz = g.size(2);
    byte[] data = new byte[Math.toIntExact(g.voxelCount())];
    for (Roi roi : rois) {
      int z = sliceOf(roi, imp, nz);
      paint(roi, data, w, h, z);
    }
    Mask m = new Mask(data, g);
    if (m.isEmpty()) {
      throw new IllegalArgumentException(
          "the ROIs cover no pixel of image '" + imp.getTitle() + "'");
    }
    return m;
  }

  /**
   * The image's current selection on its current slice as a mask (all other slices empty).
   *
   * @throws IllegalArgumentException if there is no area selection
   */
  public static Mask fromSelection(ImagePlus imp) {
    Roi roi = imp.getRoi();
    if (roi == null) {
      throw new IllegalArgumentException(
          "image '" + imp.getTitle() + "' has no selection: draw the ROI first");
    }
    Geometry g = ImagePlusVolumes.geometry(imp, ImagePlusVolumes.UnitPolicy.ASSUME_MM).geometry();
    byte[] data = new byte[Math.toIntExact(g.voxelCount())];
    paint(roi, data, g.size(0), g.size(1), imp.getZ() - 1);
    Mask m = new Mask(data, g);
    if (m.isEmpty()) {
      throw new IllegalArgumentException("the selection covers no pixel of the image");
    }
    return m;
  }

  /**
   * Reads a saved ROI set ({@code .zip} from the ROI Manager) or a single {@code .roi} file.
   *
   * @throws ImageFormatException naming the file if it is missing, unreadable or holds no ROI
   */
  public static Roi[] readRois(Path file) throws ImageFormatException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.exists(file)) {
      throw new ImageFormatException(file, "file not found");
    }
    List<Roi> out = new ArrayList<>();
    try {
      if (name.endsWith(".zip")) {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
          ZipEntry e;
          while ((e = z.getNextEntry()) != null) {
            if (e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) {
              byte[] b = readAll(z);
              Roi r = new RoiDecoder(b, e.getName()).getRoi();
              if (r == null) {
                throw new ImageFormatException(file, "entry '" + e.getName()
                    + "' is not a valid ImageJ ROI");
              }
              out.add(r);
            }
          }
        }
      } else if (name.endsWith(".roi")) {
        Roi r = new RoiDecoder(Files.readAllBytes(file), file.getFileName().toString()).getRoi();
        if (r == null) {
          throw new ImageFormatException(file, "not a valid ImageJ ROI file");
        }
        out.add(r);
      } else {
        throw new ImageFormatException(file, "not an ROI file (.roi) or ROI set (.zip)");
      }
    } catch (NoSuchFileException e) {
      throw new ImageFormatException(file, "file not found");
    } catch (ImageFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageFormatException(file, "cannot read ROIs: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new ImageFormatException(file, "holds no ROI");
    }
    return out.toArray(new Roi[0]);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    in.transferTo(o);
    return o.toByteArray();
  }

  /** Reads an ROI set file and unites its ROIs on the image (see {@link #fromRois}). */
  public static Mask fromRoiFile(Path file, ImagePlus imp) throws ImageFormatException {
    return fromRois(readRois(file), imp);
  }

  /** All ROIs currently in an ROI Manager, united (see {@link #fromRois}). */
  public static Mask fromRoiManager(RoiManager rm, ImagePlus imp) {
    return fromRois(rm.getRoisAsArray(), imp);
  }

  /**
   * One ROI per non-empty slice of the mask, with slice positions (1-based z as stack position
   * for a plain stack, or (c, z, t) = (channel, z, frame) when {@code imp} is a hyperstack).
   *
   * @param imp the image the ROIs are for, or null for a plain z-stack
   */
  public static Roi[] toRois(Mask mask, ImagePlus imp) {
    Geometry g = mask.geometry();
    int w = g.size(0);
    int h = g.size(1);
    byte[] d = mask.data();
    List<Roi> out = new ArrayList<>();
    ThresholdToSelection tts = new ThresholdToSelection();
    for (int z = 0; z < g.size(2); z++) {
      byte[] px = new byte[w * h];
      boolean any = false;
      for (int i = 0; i < px.length; i++) {
        if (d[z * w * h + i] != 0) {
          px[i] = (byte) 255;
          any = true;
        }
      }
      if (!any) {
        continue;
      }
      ByteProcessor bp = new ByteProcessor(w, h, px);
      bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
      Roi r = tts.convert(bp);
      if (imp != null && imp.isHyperStack()) {
        r.setPosition(imp.getC(), z + 1, imp.getT());
      } else {
        r.setPosition(z + 1);
      }
      r.setName(String.format(Locale.ROOT, "habitatj-z%04d", z + 1));
      out.add(r);
    }
    return out.toArray(new Roi[0]);
  }

  /** Adds one ROI per slice of the mask to an ROI Manager (e.g. {@code new RoiManager(true)}). */
  public static void toRoiManager(Mask mask, RoiManager rm, ImagePlus imp) {
    for (Roi r : toRois(mask, imp)) {
      rm.addRoi(r);
    }
  }

  /** Saves ROIs as an ImageJ ROI set ({@code .zip}) readable by the ROI Manager. */
  public static void writeRoiSet(Roi[] rois, Path zip) throws ImageFormatException {
    if (Files.exists(zip)) {
      throw new ImageFormatException(zip, "file exists; refusing to overwrite");
    }
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      int i = 0;
      for (Roi r : rois) {
        String n = r.getName() != null ? r.getName() : String.format(Locale.ROOT, "roi%04d", i);
        z.putNextEntry(new ZipEntry(n + ".roi"));
        z.write(RoiEncoder.saveAsByteArray(r));
        z.closeEntry();
        i++;
      }
    } catch (IOException e) {
      throw new ImageFormatException(zip, "cannot write ROI set: " + e.getMessage(), e);
    }
  }

  private static int sliceOf(Roi roi, ImagePlus imp, int nz) {
    String name = roi.getName() != null ? "'" + roi.getName() + "'" : "(unnamed)";
    int z;
    if (roi.hasHyperStackPosition()) {
      z = roi.getZPosition();
    } else if (roi.getPosition() > 0) {
      int idx = roi.getPosition();
      if (imp != null && imp.getStackSize() >= idx && (imp.getNChannels() > 1
          || imp.getNFrames() > 1)) {
        z = imp.convertIndexToPosition(idx)[1];
      } else {
        z = idx;
      }
    } else {
      z = 0;
    }
    if (z == 0) {
      if (nz == 1) {
        return 0;
      }
      throw new IllegalArgumentException(
          "ROI " + name + " has no slice position but the image has " + nz + " slices; add it "
              + "to the ROI Manager from its slice (or set More > Options > 'Associate with "
              + "slices')");
    }
    if (z < 1 || z > nz) {
      throw new IllegalArgumentException(
          "ROI " + name + " is on slice " + z + " but the image has " + nz + " slices");
    }
    return z - 1;
  }

  private static void paint(Roi roi, byte[] data, int w, int h, int z) {
    if (!roi.isArea()) {
      throw new IllegalArgumentException(
          "ROI " + (roi.getName() != null ? "'" + roi.getName() + "' " : "")
              + "is a " + roi.getTypeAsString() + " selection, not an area: only area ROIs "
              + "(rectangle, oval, polygon, freehand, composite) define a tumour");
    }
    Rectangle b = roi.getBounds();
    ImageProcessor m = roi.getMask();
    int off = z * w * h;
    for (int y = Math.max(0, b.y); y < Math.min(h, b.y + b.height); y++) {
      for (int x = Math.max(0, b.x); x < Math.min(w, b.x + b.width); x++) {
        if (m == null || m.get(x - b.x, y - b.y) != 0) {
          data[off + y * w + x] = 1;
        }
      }
    }
  }
}
