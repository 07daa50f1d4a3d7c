package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.fixture.MaskedMeanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge inside real ImageJ 1.x under Xvfb: a menu entry from plugins.config, run("Label",
 * options) from a macro, the Results table, error handling, and the replay of a recorded line
 * (C19) giving the same CSV as the Java API.
 */
class BridgeMacroTest {

  @TempDir Path tmp;

  static final String LINE = "Plugins>HabitatJ>Test, \"Masked Mean (test)\", "
      + "org.habitatj.ij.CommandBridge(\"org.habitatj.ij.fixture.MaskedMeanCommand\")";

  @Test
  void macroRunsTheCommandReportsErrorsAndReplaysLikeTheJavaApi() throws Exception {
    ImageJ1.assumeXvfb();
    Path ij = ImageJ1.install(tmp.resolve("ij"), true, List.of(LINE));
    Path img = tmp.resolve("img.tif");
    Path mask = tmp.resolve("mask.tif");
    writeImages(img, mask);

    // the recorded line of an interactive run (C19): every key, empty optional as []
    Map<String, String> values = new LinkedHashMap<>();
    values.put("image", "img.tif");
    values.put("mask_image", "mask.tif");
    values.put("peritumoral_mask_file", "");
    values.put("output_dir", ImageJ1.q(tmp.resolve("macro out")));
    values.put("habitat_k", "4");
    values.put("factor", "0.5");
    values.put("statistic", "sum");
    values.put("mode", "SUM");
    values.put("case_name", "case A");
    values.put("normalize", "true");
    String recorded = CommandBridge.recordedOptions(values);
    assertTrue(recorded.contains("peritumoral_mask_file=[]"), recorded);

    String macro = String.join("\n",
        "setBatchMode(true);",
        "open('" + ImageJ1.q(img) + "');",
        "open('" + ImageJ1.q(mask) + "');",
        "run('Masked Mean (test)', '" + recorded + "');",
        "print('nResults=' + nResults + ' value=' + getResult('value', 0));",
        "saveAs('Results', '" + ImageJ1.q(tmp.resolve("results.csv")) + "');",
        "old = call('org.habitatj.ij.CommandBridge.continueOnError', 'true');",
        "run('Masked Mean (test)', 'image=img.tif output_dir=[" + ImageJ1.q(tmp) + "] habitat_k=1');",
        "print('lastError=' + call('org.habitatj.ij.CommandBridge.lastError'));",
        "old = call('org.habitatj.ij.CommandBridge.continueOnError', 'false');",
        "run('Masked Mean (test)', 'image=img.tif output_dir=[" + ImageJ1.q(tmp) + "] habitats=4');",
        "print('not reached');");
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 120);
    String all = run.all();
    assertEquals(0, run.exitCode(), all);
    // hand computation: image 100*z + 10*y + x, mask x,y in {1,2} on slice 2 (z = 1):
    // 111 + 112 + 121 + 122 = 466, sum * 0.5 = 233
    assertTrue(all.contains("nResults=1 value=233"), all);
    // the dialog's range (min 2) holds in a macro: refused by the bridge, with the key and range
    assertTrue(all.contains("lastError='habitat_k' = 1 is outside the range of Habitats K: at least"
        + " 2 and at most 9"), all);
    assertTrue(all.contains("unknown macro key(s) habitats; valid keys: image, mask_image"), all);
    assertFalse(all.contains("not reached"), all);
    String table = Files.readString(tmp.resolve("results.csv"));
    assertTrue(table.contains("case A,233,4,4,SUM,1"), table);

    // the same line through the Java API gives a byte-identical CSV
    Map<String, String> java = new LinkedHashMap<>(values);
    java.put("image", img.toString());
    java.put("mask_image", mask.toString());
    java.put("output_dir", tmp.resolve("java out").toString());
    CommandBridge.runWithOptions(MaskedMeanCommand.class, CommandBridge.recordedOptions(java));
    assertEquals(Files.readString(tmp.resolve("java out/result.csv")),
        Files.readString(tmp.resolve("macro out/result.csv")));
  }

  /** 16x16x3 16-bit image 100*z + 10*y + x; mask x, y in {1, 2} on slice 2. */
  static void writeImages(Path img, Path mask) {
    ImageStack a = new ImageStack(16, 16);
    ImageStack m = new ImageStack(16, 16);
    for (int z = 0; z < 3; z++) {
      ShortProcessor sp = new ShortProcessor(16, 16);
      ShortProcessor mp = new ShortProcessor(16, 16);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          sp.set(x, y, 100 * z + 10 * y + x);
          if (z == 1 && x >= 1 && x <= 2 && y >= 1 && y <= 2) {
            mp.set(x, y, 1);
          }
        }
      }
      a.addSlice(sp);
      m.addSlice(mp);
    }
    IJ.saveAsTiff(new ImagePlus("img", a), img.toString());
    IJ.saveAsTiff(new ImagePlus("mask", m), mask.toString());
  }
}
