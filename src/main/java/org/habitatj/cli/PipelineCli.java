package org.habitatj.cli;

import java.io.PrintStream;
import java.util.Map;
import org.habitatj.commands.RunIthPipelineCommand;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.MacroOptions;

/**
 * {@code pipeline IMAGE MASK --out DIR [key=value ...]}: the "Run ITH Pipeline" command, headless,
 * with the same option keys as the ImageJ macro line ({@code habitats=4 ring_mm=3 seed=1 roma=40
 * composition=solid ...}); writes results.csv, habitat maps, ring mask, overlay.png and
 * settings.json to DIR and prints the scores.
 */
final class PipelineCli {

  private PipelineCli() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String image = null;
    String mask = null;
    String dir = null;
    StringBuilder extra = new StringBuilder();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--out")) {
        if (i + 1 >= args.length) {
          err.println("error: --out needs a folder");
          return 2;
        }
        dir = args[++i];
      } else if (args[i].contains("=")) {
        int k = args[i].indexOf('=');
        extra.append(' ').append(args[i], 0, k + 1)
            .append(MacroOptions.quote(args[i].substring(k + 1)));
      } else if (image == null) {
        image = args[i];
      } else if (mask == null) {
        mask = args[i];
      } else {
        err.println("error: unexpected argument '" + args[i] + "'");
        return 2;
      }
    }
    if (image == null || mask == null || dir == null) {
      err.println("usage: pipeline IMAGE MASK --out DIR [key=value ...]");
      err.println("  keys: " + keys());
      return 2;
    }
    if (extra.indexOf(" case_id=") < 0) {
      java.nio.file.Path parent = java.nio.file.Path.of(image).toAbsolutePath().getParent();
      if (parent != null && parent.getFileName() != null) {
        extra.append(" case_id=").append(MacroOptions.quote(parent.getFileName().toString()));
      }
    }
    String options = "image_file=" + MacroOptions.quote(image) + " mask_source=[mask file]"
        + " mask_file=" + MacroOptions.quote(mask) + " output_dir=" + MacroOptions.quote(dir)
        + extra;
    try {
      Map<String, Object> o = CommandBridge.runWithOptions(RunIthPipelineCommand.class, options);
      ij.measure.ResultsTable rt = (ij.measure.ResultsTable) o.get("results");
      out.println("case " + rt.getStringValue("case_id", 0));
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

  private static String keys() {
    StringBuilder sb = new StringBuilder();
    for (var p : CommandBridge.parameters(RunIthPipelineCommand.class)) {
      sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
    }
    return sb.toString();
  }
}
