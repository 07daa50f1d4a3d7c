package org.habitatj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.io.LoadedImage;

/**
 * Bridge between ImageJ 1.x {@link ImagePlus} and HabitatJ's {@link Volume} / {@link Geometry} /
 * {@link Mask}.
 *
 * <p><b>No copy</b>: {@link #wrap(ImagePlus)} builds an ImgLib2 {@link PlanarImg} over the stack's
 * own pixel arrays (one array per slice), x fastest, index (x, y, z) = (column, row, slice − 1).
 * Changing the ImagePlus pixels changes the volume.
 *
 * <p><b>Calibrated values</b>: for 8- and 16-bit images with a calibration function (ImageJ's
 * 16-bit signed convention raw − 32768, DICOM rescale slope/intercept, or any other function) the
 * volume is a read-only converter view returning {@code Calibration.getCValue(raw)} in double
 * precision (case C16). 32-bit images are used as stored (ImageJ ignores calibration functions for
 * them).
 *
 * <p><b>Geometry</b>: spacing from the calibration (pixelWidth, pixelHeight, pixelDepth) converted
 * to mm; images whose unit is not a length (pixel, inch, none, …) are refused unless {@link
 * UnitPolicy#ASSUME_MM} is given. ImageJ's xOrigin/yOrigin/zOrigin are in <i>pixels</i>
 * (calibrated x = (column − xOrigin) · pixelWidth); HabitatJ keeps the full direction matrix in the
 * image property {@value #GEOMETRY_PROPERTY}, and the origin is D · (−xOrigin · pixelWidth,
 * −yOrigin · pixelHeight, −zOrigin · pixelDepth), which stays right when ImageJ crops the image
 * (cropping shifts xOrigin).
 */
public final class ImagePlusVolumes {

  /** Image property (string, saved in ImageJ TIFFs) holding the direction matrix. */
  public static final String GEOMETRY_PROPERTY = "habitatj.geometry";

  /** What to do with an image whose calibration unit is not a physical length. */
  public enum UnitPolicy {
    /** Refuse with an error naming the image and its unit (default for mm-based work). */
    REQUIRE_PHYSICAL,
    /** Take one calibrated unit as 1 mm and add a warning. */
    ASSUME_MM
  }

  /**
   * A geometry plus a warning for the user (or {@code null}).
   *
   * @param geometry the grid in mm / LPS
   * @param warning e.g. "image has no physical unit; 1 pixel taken as 1 mm", or null
   */
  public record ImageGeometry(Geometry geometry, String warning) {}

  private ImagePlusVolumes() {}

  /**
   * Wraps a single-channel, single-frame image (2D or a z-stack).
   *
   * @throws IllegalArgumentException for multi-channel or time-series images (the message says how
   *     many channels/frames and to choose one), RGB images, or images without a physical unit
   */
  public static Volume wrap(ImagePlus imp) {
    return wrap(imp, 0, 0, UnitPolicy.REQUIRE_PHYSICAL);
  }

  /**
   * Wraps one channel and frame of an image.
   *
   * @param channel 1-based channel, or 0 to require a single-channel image
   * @param frame 1-based frame (time point), or 0 to require a single-frame image
   * @param units what to do when the image has no physical unit
   * @throws IllegalArgumentException as for {@link #wrap(ImagePlus)}, or for an out-of-range
   *     channel/frame
   */
  public static Volume wrap(ImagePlus imp, int channel, int frame, UnitPolicy units) {
    Geometry g = geometry(imp, units).geometry();
    return new Volume(values(imp, channel, frame), g);
  }

  /**
   * The calibrated intensity view of one channel/frame, (x, y, z), without copying pixels.
   *
   * @throws IllegalArgumentException for multi-channel/multi-frame images without an explicit
   *     choice, out-of-range choices and RGB images
   */
  public static RandomAccessibleInterval<? extends RealType<?>> values(
      ImagePlus imp, int channel, int frame) {
    check(imp);
    int nc = imp.getNChannels();
    int nt = imp.getNFrames();
    int nz = imp.getNSlices();
    String title = "'" + imp.getTitle() + "'";
    if (channel == 0 && nc > 1) {
      throw new IllegalArgumentException(
          "image " + title + " has " + nc + " channels; HabitatJ works on one channel: split "
              + "them with Image > Color > Split Channels (or Image > Duplicate... with a single "
              + "channel), then run the command on that image");
    }
    if (frame == 0 && nt > 1) {
      throw new IllegalArgumentException(
          "image " + title + " has " + nt + " time frames; HabitatJ works on one frame: use "
              + "Image > Duplicate... with a single frame (duplicate hyperstack, frames=N), then "
              + "run the command on that image");
    }
    int c = Math.max(1, channel);
    int t = Math.max(1, frame);
    if (c > nc || t > nt) {
      throw new IllegalArgumentException(
          "image " + title + " has " + nc + " channel(s) and " + nt + " frame(s); channel " + c
              + ", frame " + t + " does not exist");
    }
    if (imp.getBitDepth() == 24) {
      throw new IllegalArgumentException(
          "image " + title + " is RGB colour; convert it to 8-bit, 16-bit or 32-bit grey first");
    }
    ImageStack stack = imp.getStack();
    long[] dims = {imp.getWidth(), imp.getHeight(), nz};
    List<Object> pixels = new ArrayList<>(nz);
    for (int z = 1; z <= nz; z++) {
      pixels.add(stack.getPixels(imp.getStackIndex(c, z, t)));
    }
    Calibration cal = imp.getCalibration();
    switch (imp.getBitDepth()) {
      case 8: {
        List<ByteArray> l = new ArrayList<>(nz);
        for (Object p : pixels) {
          l.add(new ByteArray((byte[]) p));
        }
        PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(l, dims, new Fraction());
        img.setLinkedType(new UnsignedByteType(img));
        return calibrated(img, cal, 256);
      }
      case 16: {
        List<ShortArray> l = new ArrayList<>(nz);
        for (Object p : pixels) {
          l.add(new ShortArray((short[]) p));
        }
        PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(l, dims, new Fraction());
        img.setLinkedType(new UnsignedShortType(img));
        return calibrated(img, cal, 65536);
      }
      case 32: {
        List<FloatArray> l = new ArrayList<>(nz);
        for (Object p : pixels) {
          l.add(new FloatArray((float[]) p));
        }
        PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(l, dims, new Fraction());
        img.setLinkedType(new FloatType(img));
        return img;
      }
      default:
        throw new IllegalArgumentException(
            "image " + title + " has unsupported bit depth " + imp.getBitDepth());
    }
  }

  private static <T extends RealType<T>> RandomAccessibleInterval<? extends RealType<?>>
      calibrated(RandomAccessibleInterval<T> raw, Calibration cal, int levels) {
    if (cal == null || !cal.calibrated()) {
      return raw;
    }
    double[] lut = new double[levels];
    for (int i = 0; i < levels; i++) {
      lut[i] = cal.getCValue((double) i);
    }
    return Converters.convert(
        raw, (in, out) -> out.set(lut[(int) in.getRealDouble()]), new DoubleType());
  }

  private static void check(ImagePlus imp) {
    if (imp == null || imp.getStackSize() == 0 || imp.getWidth() == 0
        || imp.getProcessor() == null) {
      throw new IllegalArgumentException("no image (an image input is missing or empty)");
    }
  }

  // ------------------------------------------------------------------ geometry

  /** Millimetres per calibration unit, or NaN when the unit is not a length. */
  static double mmPerUnit(String unit) {
    if (unit == null) {
      return Double.NaN;
    }
    switch (unit.trim().toLowerCase(Locale.ROOT)) {
      case "mm":
      case "millimeter":
      case "millimeters":
      case "millimetre":
      case "millimetres":
        return 1;
      case "cm":
      case "centimeter":
      case "centimeters":
        return 10;
      case "m":
      case "meter":
      case "meters":
      case "metre":
        return 1000;
      case "µm":
      case "um":
      case "micron":
      case "microns":
      case "micrometer":
      case "\u03bcm":
        return 1e-3;
      case "nm":
      case "nanometer":
        return 1e-6;
      default:
        return Double.NaN; // pixel, inch, none, "", …
    }
  }

  /** The image's grid with the default unit policy (refuse non-physical units). */
  public static Geometry geometry(ImagePlus imp) {
    return geometry(imp, UnitPolicy.REQUIRE_PHYSICAL).geometry();
  }

  /**
   * The image's grid: spacing from the calibration (in mm), direction from the {@value
   * #GEOMETRY_PROPERTY} property (identity when absent), origin from the calibration's pixel
   * origins rotated by the direction.
   *
   * @throws IllegalArgumentException if the unit is not a length and the policy is
   *     REQUIRE_PHYSICAL, or a spacing is not positive
   */
  public static ImageGeometry geometry(ImagePlus imp, UnitPolicy policy) {
    check(imp);
    Calibration cal = imp.getCalibration();
    String unit = cal.getUnit();
    double f = mmPerUnit(unit);
    String warning = null;
    boolean sameUnits = (cal.getYUnit() == null || cal.getYUnit().equals(unit))
        && (cal.getZUnit() == null || cal.getZUnit().equals(unit));
    if (Double.isNaN(f) || !sameUnits) {
      String u = unit == null || unit.isEmpty() ? "none" : unit;
      if (policy == UnitPolicy.REQUIRE_PHYSICAL) {
        throw new IllegalArgumentException(
            "image '" + imp.getTitle() + "' has no physical length unit (unit '" + u
                + (sameUnits ? "" : "', y/z units '" + cal.getYUnit() + "'/'" + cal.getZUnit())
                + "'); mm-based operations need the voxel size in mm. Set it with Image > "
                + "Properties (unit 'mm').");
      }
      warning = "image '" + imp.getTitle() + "' has no physical length unit (unit '" + u
          + "'); 1 " + u + " taken as 1 mm";
      f = 1;
    }
    double[] spacing = {cal.pixelWidth * f, cal.pixelHeight * f, cal.pixelDepth * f};
    for (int d = 0; d < 3; d++) {
      if (!(spacing[d] > 0) || Double.isInfinite(spacing[d])) {
        throw new IllegalArgumentException(
            "image '" + imp.getTitle() + "' has invalid voxel size " + spacing[d] + " along "
                + "xyz".charAt(d));
      }
    }
    double[] dir = direction(imp);
    double[] p = {-cal.xOrigin * spacing[0], -cal.yOrigin * spacing[1],
      -cal.zOrigin * spacing[2]};
    double[] origin = new double[3];
    for (int r = 0; r < 3; r++) {
      origin[r] = dir[3 * r] * p[0] + dir[3 * r + 1] * p[1] + dir[3 * r + 2] * p[2];
    }
    int[] size = {imp.getWidth(), imp.getHeight(), imp.getNSlices()};
    return new ImageGeometry(new Geometry(size, spacing, origin, dir), warning);
  }

  private static double[] direction(ImagePlus imp) {
    String s = imp.getProp(GEOMETRY_PROPERTY);
    if (s == null || s.isEmpty()) {
      return Geometry.identity();
    }
    for (String part : s.split(";")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2 && kv[0].trim().equals("direction")) {
        String[] t = kv[1].trim().split(",");
        if (t.length == 9) {
          double[] d = new double[9];
          try {
            for (int i = 0; i < 9; i++) {
              d[i] = Double.parseDouble(t[i].trim());
            }
            return d;
          } catch (NumberFormatException e) {
            return Geometry.identity();
          }
        }
      }
    }
    return Geometry.identity();
  }

  /**
   * Stores a geometry in an ImagePlus: calibration in mm (pixelWidth/Height/Depth, x/y/zOrigin in
   * pixels such that calibrated coordinates are the world coordinates along the image axes) and
   * the direction in the {@value #GEOMETRY_PROPERTY} property.
   *
   * @throws IllegalArgumentException if the image size differs from the geometry's
   */
  public static void setGeometry(ImagePlus imp, Geometry g) {
    if (imp.getWidth() != g.size(0) || imp.getHeight() != g.size(1)
        || imp.getNSlices() != g.size(2)) {
      throw new IllegalArgumentException(
          "image '" + imp.getTitle() + "' is " + imp.getWidth() + "×" + imp.getHeight() + "×"
              + imp.getNSlices() + " but the geometry is " + g.describe());
    }
    Calibration cal = imp.getCalibration();
    cal.setUnit("mm");
    cal.setYUnit("mm");
    cal.setZUnit("mm");
    double[] sp = g.spacing();
    cal.pixelWidth = sp[0];
    cal.pixelHeight = sp[1];
    cal.pixelDepth = sp[2];
    double[] d = g.direction();
    double[] o = g.origin();
    // p = Dᵀ · origin (origin in the image-axis frame); xOrigin = −p_x / spacing_x
    for (int a = 0; a < 3; a++) {
      double p = d[a] * o[0] + d[3 + a] * o[1] + d[6 + a] * o[2];
      double px = -p / sp[a];
      if (a == 0) {
        cal.xOrigin = px;
      } else if (a == 1) {
        cal.yOrigin = px;
      } else {
        cal.zOrigin = px;
      }
    }
    StringBuilder s = new StringBuilder("direction=");
    for (int i = 0; i < 9; i++) {
      s.append(i > 0 ? "," : "").append(d[i]);
    }
    s.append(";space=LPS");
    imp.setProp(GEOMETRY_PROPERTY, s.toString());
    imp.setCalibration(cal);
  }

  // ------------------------------------------------------------------ Volume/Mask → ImagePlus

  /**
   * An ImagePlus for display/saving: 32-bit float slices holding the calibrated values (copied),
   * with the volume's geometry.
   */
  public static ImagePlus toImagePlus(Volume v, String title) {
    Geometry g = v.geometry();
    int w = g.size(0);
    int h = g.size(1);
    int nz = g.size(2);
    double[] all = v.toDoubleArray();
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < nz; z++) {
      float[] px = new float[w * h];
      for (int i = 0; i < px.length; i++) {
        px[i] = (float) all[z * w * h + i];
      }
      st.addSlice(new FloatProcessor(w, h, px));
    }
    ImagePlus imp = new ImagePlus(title, st);
    setGeometry(imp, g);
    imp.resetDisplayRange();
    return imp;
  }

  /**
   * An ImagePlus for a loaded file: 8-bit (uint8 data), 16-bit (uint16 data, or int16 data with
   * ImageJ's signed-16 calibration raw − 32768) when the values fit exactly; otherwise 32-bit.
   */
  public static ImagePlus toImagePlus(LoadedImage li, String title) {
    Volume v = li.volume();
    Geometry g = v.geometry();
    int w = g.size(0);
    int h = g.size(1);
    int nz = g.size(2);
    double[] all = v.toDoubleArray();
    boolean fits8 = !li.scaled() && li.voxelType() == org.habitatj.io.VoxelType.UINT8;
    boolean fitsU16 = !li.scaled() && li.voxelType() == org.habitatj.io.VoxelType.UINT16;
    boolean fitsS16 = !li.scaled() && (li.voxelType() == org.habitatj.io.VoxelType.INT16
        || li.voxelType() == org.habitatj.io.VoxelType.INT8);
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < nz; z++) {
      int off = z * w * h;
      ImageProcessor ip;
      if (fits8) {
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
          px[i] = (byte) (int) all[off + i];
        }
        ip = new ByteProcessor(w, h, px);
      } else if (fitsU16 || fitsS16) {
        short[] px = new short[w * h];
        int shift = fitsS16 ? 32768 : 0;
        for (int i = 0; i < px.length; i++) {
          px[i] = (short) ((int) all[off + i] + shift);
        }
        ip = new ShortProcessor(w, h, px, null);
      } else {
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) {
          px[i] = (float) all[off + i];
        }
        ip = new FloatProcessor(w, h, px);
      }
      st.addSlice(ip);
    }
    ImagePlus imp = new ImagePlus(title, st);
    if (fitsS16) {
      imp.getCalibration().setSigned16BitCalibration();
    }
    setGeometry(imp, g);
    imp.resetDisplayRange();
    return imp;
  }

  /** An 8-bit 0/255 ImagePlus of a mask (ImageJ's binary convention), with its geometry. */
  public static ImagePlus toImagePlus(Mask m, String title) {
    Geometry g = m.geometry();
    int w = g.size(0);
    int h = g.size(1);
    byte[] d = m.data();
    ImageStack st = new ImageStack(w, h);
    for (int z = 0; z < g.size(2); z++) {
      byte[] px = new byte[w * h];
      for (int i = 0; i < px.length; i++) {
        px[i] = d[z * w * h + i] != 0 ? (byte) 255 : 0;
      }
      st.addSlice(new ByteProcessor(w, h, px));
    }
    ImagePlus imp = new ImagePlus(title, st);
    setGeometry(imp, g);
    return imp;
  }
}
