package org.habitatj.cli;

import ij.ImagePlus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.habitatj.commands.RunIthPipelineCommand;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.CommandCalls;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.ImageMaskLoader;
import org.habitatj.ij.ImagePlusVolumes;
import org.habitatj.ij.MacroOptions;
import org.habitatj.io.ImageFormatException;

/**
 * {@code pipeline IMAGE MASK --out DIR [--label N | --nonzero] [--resample-mask] [key=value ...]}:
 * the "Run ITH Pipeline" command, headless. IMAGE and MASK are loaded exactly as {@code info} loads
 * them ({@link ImageMaskLoader}: NIfTI, NRRD, DICOM file or series folder, TIFF; same label choice,
 * grid check and messages); the other options use the same keys as the ImageJ macro line
 * ({@code habitats=4 ring_mm=3 seed=1 roma=40 composition=solid ...}). Writes results.csv, habitat
 * maps, ring mask, overlay.png and settings.json to DIR and prints the scores.
 */
final class PipelineCli {

  /** Keys that name the inputs: given here as IMAGE and MASK arguments instead. */
  private static final Set<String> INPUT_KEYS =
      Set.of("image", "image_file", "mask_source", "mask_file", "mask_image", "output_dir");

  private PipelineCli() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String image = null;
    String mask = null;
    String dir = null;
    Masks.LabelChoice choice = Masks.LabelChoice.auto();
    boolean resample = false;
    StringBuilder extra = new StringBuilder();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--out") || a.equals("--label")) {
        if (i + 1 >= args.length) {
          err.println("error: " + a + (a.equals("--out") ? " needs a folder" : " needs a value"));
          return 2;
        }
        if (a.equals("--out")) {
          dir = args[++i];
        } else {
          Masks.LabelChoice c = label(args[++i], err);
          if (c == null) {
            return 2;
          }
          choice = c;
        }
      } else if (a.equals("--nonzero")) {
        choice = Masks.LabelChoice.nonzero();
      } else if (a.equals("--resample-mask")) {
        resample = true;
      } else if (a.startsWith("--")) {
        err.println("error: unknown option " + a);
        return 2;
      } else if (a.contains("=")) {
        int k = a.indexOf('=');
        String key = a.substring(0, k).toLowerCase(Locale.ROOT);
        String value = a.substring(k + 1);
        if (INPUT_KEYS.contains(key)) {
          err.println("error: '" + key + "' is not used on the command line: give IMAGE and MASK"
              + " as arguments and the folder with --out");
          return 2;
        }
        if (key.equals("label")) {
          // the macro key, kept for compatibility: 0 = automatic, as in the command
          Masks.LabelChoice c = value.trim().equals("0") ? Masks.LabelChoice.auto()
              : label(value, err);
          if (c == null) {
            return 2;
          }
          choice = c;
          continue;
        }
        extra.append(' ').append(a, 0, k + 1).append(MacroOptions.quote(value));
      } else if (image == null) {
        image = a;
      } else if (mask == null) {
        mask = a;
      } else {
        err.println("error: unexpected argument '" + a + "'");
        return 2;
      }
    }
    if (image == null || mask == null || dir == null) {
      err.println("usage: pipeline IMAGE MASK --out DIR [--label N | --nonzero] [--resample-mask]"
          + " [key=value ...]");
      err.println("  keys: " + keys());
      return 2;
    }
    Path imagePath = Path.of(image);
    Path maskPath = Path.of(mask);
    ImageMaskLoader.ImageAndMask im;
    try {
      im = ImageMaskLoader.load(imagePath, maskPath, choice, resample);
    } catch (ImageFormatException | MaskException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    if (extra.indexOf(" case_id=") < 0) {
      Path parent = imagePath.toAbsolutePath().getParent();
      if (parent != null && parent.getFileName() != null) {
        extra.append(" case_id=").append(MacroOptions.quote(parent.getFileName().toString()));
      }
    }
    String options = "mask_source=" + MacroOptions.quote(ImageInputs.LABEL_IMAGE)
        + " label=255 output_dir=" + MacroOptions.quote(dir) + extra;
    try {
      ImagePlus img = ImagePlusVolumes.toImagePlus(im.image(), imagePath.getFileName().toString());
      // the ROI as chosen by the loader, 0/255 on the image grid
      ImagePlus roi = ImagePlusVolumes.toImagePlus(im.mask(), maskPath.getFileName().toString());
      Map<String, Object> o = CommandCalls.run(RunIthPipelineCommand.class, options,
          Map.of("image", img, "maskImage", roi));
      ij.measure.ResultsTable rt = (ij.measure.ResultsTable) o.get("results");
      out.println("case " + rt.getStringValue("case_id", 0));
      for (String m : im.messages()) {
        out.println("  note: " + m);
      }
      for (String c : new String[] {"ith_score", "combined_ith_score", "ring_ith_score",
          "habitat_k", "nomogram_probability", "original_shape_MeshVolume",
          "original_firstorder_Mean"}) {
        if (rt.columnExists(c)) {
          out.println("  " + c + " = " + rt.getStringValue(c, 0));
        }
      }
      String w = rt.columnExists("warnings") ? rt.getStringValue("warnings", 0) : "";
      if (w != null && !w.isBlank() && !w.equals("NaN")) {
        out.println("  notes: " + w);
      }
      out.println("outputs in " + dir);
      return 0;
    } catch (RuntimeException e) {
      err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    }
  }

  private static Masks.LabelChoice label(String v, PrintStream err) {
    try {
      return Masks.LabelChoice.label(Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      err.println("error: --label needs an integer, got '" + v + "'");
      return null;
    }
  }

  private static String keys() {
    StringBuilder sb = new StringBuilder();
    for (var p : CommandBridge.parameters(RunIthPipelineCommand.class)) {
      if (!INPUT_KEYS.contains(p.key())) {
        sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
      }
    }
    return sb.toString();
  }
}
