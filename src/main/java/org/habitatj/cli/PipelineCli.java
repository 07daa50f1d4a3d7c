package org.habitatj.cli;

import ij.measure.ResultsTable;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.habitatj.commands.RunIthPipelineCommand;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.CommandCalls;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.ImageMaskLoader;
import org.habitatj.ij.MacroOptions;
import org.habitatj.ij.PipelineInputs;
import org.habitatj.ij.PipelineOutputs;
import org.habitatj.io.ImageFormatException;

/**
 * {@code pipeline IMAGE MASK --out DIR [--label N | --nonzero] [--resample-mask] [--overwrite]
 * [key=value ...]}: the "Run ITH Pipeline" command, headless. IMAGE and MASK are loaded exactly as
 * {@code info} loads them ({@link ImageMaskLoader}: NIfTI, NRRD, DICOM file or series folder,
 * TIFF; same label choice, grid check and messages); the other options use the same keys as the
 * ImageJ macro line ({@code habitats=4 ring_mm=3 seed=1 roma=40 composition=solid ...}). Writes
 * results.csv, habitat maps, ring mask, overlay.png and settings.json to DIR
 * ({@link RunIthPipelineCommand#runOn}, the code the macro route runs, with the same record of the
 * inputs, {@link PipelineInputs}) and prints the scores.
 *
 * <p>Standard output carries only the result ({@code case ID}, then {@code key = value} lines);
 * progress, notes and the output folder go to standard error, so a script can parse standard
 * output. A folder that already holds results.csv or settings.json is refused unless {@code
 * --overwrite} is given.
 */
final class PipelineCli {

  /** Keys that name the inputs: given here as IMAGE and MASK arguments instead. */
  private static final Set<String> INPUT_KEYS =
      Set.of("image", "image_file", "mask_source", "mask_file", "mask_image", "output_dir",
          "overwrite");

  /** Result columns printed on standard output, when present and not empty. */
  private static final String[] PRINTED = {"ith_score", "combined_ith_score", "ring_ith_score",
      "habitat_k", "nomogram_probability", "original_shape_MeshVolume",
      "original_firstorder_Mean"};

  private PipelineCli() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String image = null;
    String mask = null;
    String dir = null;
    Masks.LabelChoice choice = Masks.LabelChoice.auto();
    boolean resample = false;
    boolean overwrite = false;
    boolean caseIdGiven = false;
    String labelGiven = null;
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
          String v = args[++i];
          Masks.LabelChoice c = label(v, err);
          if (c == null || !sameLabel(labelGiven, "--label " + v, err)) {
            return 2;
          }
          labelGiven = "--label " + v;
          choice = c;
        }
      } else if (a.equals("--nonzero")) {
        if (!sameLabel(labelGiven, "--nonzero", err)) {
          return 2;
        }
        labelGiven = "--nonzero";
        choice = Masks.LabelChoice.nonzero();
      } else if (a.equals("--resample-mask")) {
        resample = true;
      } else if (a.equals("--overwrite")) {
        overwrite = true;
      } else if (a.startsWith("--")) {
        err.println("error: unknown option " + a);
        return 2;
      } else if (a.contains("=")) {
        int k = a.indexOf('=');
        String key = a.substring(0, k).toLowerCase(Locale.ROOT);
        String value = a.substring(k + 1);
        if (value.length() >= 2 && value.startsWith("[") && value.endsWith("]")) {
          // a value copied from a macro line: [glcm,glrlm], [my case]
          value = value.substring(1, value.length() - 1);
        }
        if (INPUT_KEYS.contains(key)) {
          if (key.equals("overwrite")) {
            err.println("error: 'overwrite' is not used on the command line: add --overwrite");
            return 2;
          }
          err.println("error: '" + key + "' is not used on the command line: give IMAGE and MASK"
              + " as arguments and the folder with --out");
          return 2;
        }
        if (key.equals("resample_mask")) {
          // the macro key of --resample-mask
          resample |= Boolean.parseBoolean(value.trim());
          continue;
        }
        if (key.equals("label")) {
          // the macro key, kept for compatibility: 0 = automatic, as in the command
          Masks.LabelChoice c = value.trim().equals("0") ? Masks.LabelChoice.auto()
              : label(value, err);
          if (c == null || !sameLabel(labelGiven, a, err)) {
            return 2;
          }
          labelGiven = a;
          choice = c;
          continue;
        }
        caseIdGiven |= key.equals("case_id");
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
          + " [--overwrite] [key=value ...]");
      err.println("  keys: " + keys());
      return 2;
    }
    Path outDir = Path.of(dir);
    if (!overwrite) {
      List<String> found = PipelineOutputs.existingResults(outDir);
      if (!found.isEmpty()) {
        err.println("error: the output folder " + outDir + " already holds HabitatJ results ("
            + String.join(", ", found) + "); choose another folder with --out, or add"
            + " --overwrite to replace them");
        return 1;
      }
    }
    RunIthPipelineCommand cmd;
    try {
      // settings first: a bad key or value is reported before the images are read
      cmd = CommandCalls.configure(RunIthPipelineCommand.class,
          "output_dir=" + MacroOptions.quote(dir) + " overwrite=" + overwrite + extra);
    } catch (IllegalArgumentException e) {
      err.println("error: " + keyWording(Main.cliWording(e.getMessage())));
      return 2;
    }
    Path imagePath = Path.of(image);
    Path maskPath = Path.of(mask);
    ImageMaskLoader.ImageAndMask im;
    try {
      im = ImageMaskLoader.load(imagePath, maskPath, choice, resample);
    } catch (ImageFormatException | MaskException e) {
      err.println("error: " + Main.cliWording(e.getMessage()));
      return 1;
    }
    Masks.MaskSelection sel = im.selection();
    PipelineInputs inputs = new PipelineInputs(PipelineInputs.path(imagePath),
        ImageInputs.MASK_FILE, PipelineInputs.path(maskPath), sel.label(),
        PipelineInputs.choice(sel), im.resampled());
    PrintStream stdout = System.out;
    try {
      // ImageJ's log (the command's headless progress lines) prints to System.out: send it to
      // standard error, so standard output carries only the result
      System.setOut(err);
      cmd.runOn(im.image().volume(), im.mask(), im.messages(), inputs,
          caseIdGiven ? "" : PipelineInputs.defaultCaseId(imagePath), List.of(imagePath, maskPath));
    } catch (IllegalArgumentException e) {
      err.println("error: " + Main.cliWording(e.getMessage()));
      return 1;
    } catch (RuntimeException e) {
      err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    } finally {
      System.setOut(stdout);
    }
    ResultsTable rt = cmd.results();
    for (String n : cmd.notes()) {
      err.println("note: " + n);
    }
    out.println("case " + rt.getStringValue("case_id", 0));
    for (String c : PRINTED) {
      String v = rt.columnExists(c) ? rt.getStringValue(c, 0) : null;
      // NaN = not computed (e.g. no ring): left out like an empty value
      if (v != null && !v.isBlank() && !v.equalsIgnoreCase("NaN")) {
        out.println("  " + c + " = " + v);
      }
    }
    err.println("outputs in " + dir);
    return 0;
  }

  /** False (with a message) when a second, different label choice follows an earlier one. */
  private static boolean sameLabel(String earlier, String now, PrintStream err) {
    if (earlier == null || earlier.equals(now)) {
      return true;
    }
    err.println("error: the label is given twice and differently (" + earlier + ", " + now
        + "); give it once");
    return false;
  }

  private static Masks.LabelChoice label(String v, PrintStream err) {
    try {
      return Masks.LabelChoice.label(Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      err.println("error: --label needs an integer, got '" + v + "'");
      return null;
    }
  }

  /** The bridge's "unknown macro key(s) ...; valid keys: ..." with the keys this command takes. */
  static String keyWording(String m) {
    String head = "unknown macro key(s)";
    int v = m.indexOf("; valid keys: ");
    if (!m.startsWith(head) || v < 0) {
      return m;
    }
    return "unknown key(s)" + m.substring(head.length(), v) + "; valid keys: " + keys();
  }

  private static String keys() {
    StringBuilder sb = new StringBuilder();
    for (var p : CommandBridge.parameters(RunIthPipelineCommand.class)) {
      if (!INPUT_KEYS.contains(p.key()) && !p.key().equals("resample_mask")) {
        sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
      }
    }
    return sb.toString();
  }
}
