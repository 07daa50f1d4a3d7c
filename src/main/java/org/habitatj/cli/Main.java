package org.habitatj.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.habitatj.Version;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.ij.ImageMaskLoader;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;

/**
 * Command-line entry point.
 *
 * <pre>
 * info IMAGE MASK [--label N | --nonzero] [--resample-mask]
 * pipeline IMAGE MASK --out DIR [--label N | --nonzero] [--resample-mask] [--overwrite]
 *     [key=value ...]
 * </pre>
 *
 * Loads an image and its mask (NIfTI, NRRD, DICOM file/folder, TIFF), checks that they share the
 * voxel grid, and prints size, spacing (mm), the label used (and whether it was chosen
 * automatically), the ROI voxel count and volume, and the intensity range within the ROI and over
 * the image. Exit status: 0 success, 1 bad input (message on stderr), 2 usage error.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    if (args[0].equals("pipeline")) {
      return PipelineCli.run(args, out, err);
    }
    if (!args[0].equals("info")) {
      err.println("error: unknown command '" + args[0] + "'");
      usage(err);
      return 2;
    }
    List<String> pos = new ArrayList<>();
    Masks.LabelChoice choice = Masks.LabelChoice.auto();
    boolean resample = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--label":
          if (i + 1 >= args.length) {
            err.println("error: --label needs a value");
            return 2;
          }
          try {
            choice = Masks.LabelChoice.label(Integer.parseInt(args[++i]));
          } catch (NumberFormatException e) {
            err.println("error: --label needs an integer, got '" + args[i] + "'");
            return 2;
          }
          break;
        case "--nonzero":
          choice = Masks.LabelChoice.nonzero();
          break;
        case "--resample-mask":
          resample = true;
          break;
        default:
          if (args[i].startsWith("--")) {
            err.println("error: unknown option " + args[i]);
            return 2;
          }
          pos.add(args[i]);
      }
    }
    if (pos.size() != 2) {
      err.println("error: info needs IMAGE and MASK");
      usage(err);
      return 2;
    }
    try {
      info(Path.of(pos.get(0)), Path.of(pos.get(1)), choice, resample, out);
      return 0;
    } catch (ImageFormatException | MaskException e) {
      err.println("error: " + cliWording(e.getMessage()));
      return 1;
    }
  }

  /**
   * An error message of the core or the commands with the hints worded for this command line: the
   * macro settings they name ({@code label}, "nonzero", resampling) become the options {@code
   * --label N}, {@code --nonzero} and {@code --resample-mask}. Other text is unchanged.
   */
  static String cliWording(String message) {
    if (message == null) {
      return "";
    }
    return message
        .replace("; choose one with the 'label' setting",
            "; choose one with --label N (or --nonzero for the union of all labels)")
        .replaceAll("\\(set label = ([^)]+)\\)", "(use --label $1)")
        .replace("use 'nonzero = ROI' (label choice 'nonzero')", "use --nonzero")
        .replace("if it is on purpose, resample the mask onto the image grid (nearest neighbour).",
            "if it is on purpose, add --resample-mask to resample the mask onto the image grid"
                + " (nearest neighbour).");
  }

  private static void usage(PrintStream s) {
    s.println("HabitatJ " + Version.VERSION);
    s.println("usage: info IMAGE MASK [--label N | --nonzero] [--resample-mask]");
    s.println("       pipeline IMAGE MASK --out DIR [--label N | --nonzero] [--resample-mask]"
        + " [--overwrite] [key=value ...]");
    s.println("                (Run ITH Pipeline; IMAGE and MASK loaded as by info; keys as in"
        + " the macro)");
    s.println("                scores on standard output; progress, notes on standard error");
    s.println("  IMAGE, MASK: .nii, .nii.gz, .nrrd, .nhdr, DICOM file or series folder, TIFF");
    s.println("  --label N        ROI = voxels equal to N (default: the only non-zero label)");
    s.println("  --nonzero        ROI = every non-zero voxel (e.g. float masks 0/0.0039)");
    s.println("  --resample-mask  nearest-neighbour resample the mask onto the image grid");
    s.println("                   when their geometries differ (otherwise an error)");
    s.println("  --overwrite      pipeline: replace the results in a --out folder that already");
    s.println("                   holds results.csv or settings.json (otherwise an error)");
  }

  static void info(Path imagePath, Path maskPath, Masks.LabelChoice choice, boolean resample,
      PrintStream out) throws ImageFormatException {
    ImageMaskLoader.ImageAndMask im = ImageMaskLoader.load(imagePath, maskPath, choice, resample);
    LoadedImage img = im.image();
    Masks.MaskSelection sel = im.selection();
    Mask mask = im.mask();
    Geometry g = img.geometry();
    out.println("image   " + imagePath);
    out.println("  size      " + g.size(0) + " × " + g.size(1) + " × " + g.size(2) + " voxels");
    out.println("  spacing   " + num(g.spacing(0)) + " × " + num(g.spacing(1)) + " × "
        + num(g.spacing(2)) + " mm");
    out.println("  origin    (" + num(g.origin()[0]) + ", " + num(g.origin()[1]) + ", "
        + num(g.origin()[2]) + ") mm, LPS");
    out.println("  stored as " + img.voxelType() + (img.scaled() ? " (scaled)" : ""));
    out.println("mask    " + maskPath);
    out.println(im.resampled()
        ? "  geometry  differs from the image: resampled onto the image grid (nearest neighbour),"
            + " as requested"
        : "  geometry  same grid as the image");
    if (sel.label() == null) {
      out.println("  label     all non-zero voxels (--nonzero)");
    } else if (sel.autoChosen()) {
      out.println("  label     " + sel.label() + " (chosen automatically: the only non-zero label)");
    } else {
      out.println("  label     " + sel.label());
    }
    double mL = mask.count() * g.voxelVolume() / 1000;
    int[] bb = mask.boundingBox();
    out.println("  ROI       " + mask.count() + " voxels = " + String.format(Locale.ROOT, "%.2f",
        mL) + " mL; bounding box x " + bb[0] + "–" + bb[3] + ", y " + bb[1] + "–" + bb[4]
        + ", z " + bb[2] + "–" + bb[5]);
    for (String m : im.messages()) {
      out.println("  note      " + m);
    }
    double[] v = img.volume().toDoubleArray();
    double imin = Double.POSITIVE_INFINITY;
    double imax = Double.NEGATIVE_INFINITY;
    double rmin = Double.POSITIVE_INFINITY;
    double rmax = Double.NEGATIVE_INFINITY;
    double rsum = 0;
    long nan = 0;
    byte[] m = mask.data();
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        nan++; // e.g. a feature map: NaN outside its ROI
        continue;
      }
      imin = Math.min(imin, v[i]);
      imax = Math.max(imax, v[i]);
      if (m[i] != 0) {
        rmin = Math.min(rmin, v[i]);
        rmax = Math.max(rmax, v[i]);
        rsum += v[i];
      }
    }
    out.println("intensity");
    out.println("  image     " + (nan == v.length ? "all NaN" : num(imin) + " .. " + num(imax))
        + (nan > 0 && nan < v.length ? " (" + nan + " NaN voxels left out)" : ""));
    out.println("  ROI       " + num(rmin) + " .. " + num(rmax) + ", mean "
        + String.format(Locale.ROOT, "%.4f", rsum / mask.count()));
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.6g", x == 0 ? 0.0 : x).replaceAll("\\.?0+(?=$|e)", "");
  }
}
