package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import ij.process.ShortProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.ij.fixture.MaskSourceCommand;
import org.habitatj.ij.fixture.MaskedMeanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic ImageJ 1.x bridge: keys, defaults, validation, recording (C19), headless (C20). */
class CommandBridgeTest {

  @TempDir Path tmp;

  /** The documented key list of the fixture, in declaration order (services excluded). */
  static final List<String> KEYS = List.of("image", "mask_image", "peritumoral_mask_file",
      "output_dir", "habitat_k", "factor", "statistic", "mode", "case_name", "normalize");

  @Test
  void keysAreSnakeCaseOfFieldsInOrderWithoutServices() {
    List<String> keys = new ArrayList<>();
    for (CommandParameter p : CommandBridge.parameters(MaskedMeanCommand.class)) {
      keys.add(p.key());
    }
    assertEquals(KEYS, keys);
  }

  @Test
  void omittedKeysTakeTheCommandDefaults() {
    Map<String, String> v = CommandBridge.resolve(
        CommandBridge.parameters(MaskedMeanCommand.class), "image=a output_dir=/x");
    assertEquals("3", v.get("habitat_k"));
    assertEquals("1", v.get("factor"));
    assertEquals("mean", v.get("statistic"));
    assertEquals("MEAN", v.get("mode"));
    assertEquals("case 1", v.get("case_name"));
    assertEquals("false", v.get("normalize"));
    assertEquals("", v.get("peritumoral_mask_file"));
  }

  @Test
  void unknownKeyIsAnErrorNamingItAndTheValidKeys() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandBridge.resolve(CommandBridge.parameters(MaskedMeanCommand.class),
            "image=a output_dir=/x habitats=4"));
    assertTrue(e.getMessage().contains("habitats"), e.getMessage());
    assertTrue(e.getMessage().contains("habitat_k"), e.getMessage());
  }

  @Test
  void badValuesAreErrorsNamingTheKey() throws Exception {
    Path img = writeSynthetic();
    String base = "image=[" + img + "] output_dir=[" + tmp.resolve("o") + "] ";
    assertMessage("habitat_k", () -> CommandBridge.runWithOptions(MaskedMeanCommand.class,
        base + "habitat_k=3.5"));
    assertMessage("'factor' = 'abc'", () -> CommandBridge.runWithOptions(MaskedMeanCommand.class,
        base + "factor=abc"));
    assertMessage("is not one of: sum, mean", () -> CommandBridge.runWithOptions(
        MaskedMeanCommand.class, base + "statistic=median"));
    assertMessage("missing required macro key(s): output_dir (Output folder)",
        () -> CommandBridge.runWithOptions(MaskedMeanCommand.class, "image=[" + img + "]"));
    // the dialog's declared range (min = 2, max = 9) holds for macro values too
    assertMessage("'habitat_k' = 1 is outside the range of Habitats K: at least 2 and at most 9",
        () -> CommandBridge.runWithOptions(MaskedMeanCommand.class, base + "habitat_k=1"));
    assertMessage("'habitat_k' = 10 is outside the range of Habitats K: at least 2 and at most 9",
        () -> CommandBridge.runWithOptions(MaskedMeanCommand.class, base + "habitat_k=10"));
    // an error thrown by the command itself arrives with its message
    assertMessage("factor = -1.0 must not be negative", () -> CommandBridge.runWithOptions(
        MaskedMeanCommand.class, base + "factor=-1"));
  }

  /**
   * C19: record one interactive run with every field touched (optional peritumoral mask file left
   * empty, K = 4), parse the recorded string, check its keys, replay it and compare the CSVs byte
   * for byte.
   */
  @Test
  void c19RecordedLineHasEveryKeyAndReplaysToTheSameCsv() throws Exception {
    Path img = writeSynthetic();
    Path mask = writeMask();
    Path outInteractive = tmp.resolve("interactive out");
    Path outReplay = tmp.resolve("replay out");
    List<CommandParameter> params = CommandBridge.parameters(MaskedMeanCommand.class);
    // the values a user leaves in the dialog (what showDialog returns)
    Map<String, String> dialog = new LinkedHashMap<>();
    dialog.put("image", img.toString());
    dialog.put("mask_image", mask.toString());
    dialog.put("peritumoral_mask_file", "");
    dialog.put("output_dir", outInteractive.toString());
    dialog.put("habitat_k", "4");
    dialog.put("factor", "0.5");
    dialog.put("statistic", "sum");
    dialog.put("mode", "SUM");
    dialog.put("case_name", "case A");
    dialog.put("normalize", "true");
    Map<String, Object> interactive =
        CommandRunner.run(MaskedMeanCommand.class, CommandBridge.inputs(params, dialog));

    // what ImageJ's recorder writes for these values
    boolean was = Recorder.record;
    String recorded;
    try {
      Recorder.record = true;
      Recorder.resetCommandOptions();
      CommandBridge.record(params, dialog);
      recorded = Recorder.getCommandOptions();
    } finally {
      Recorder.record = was;
      Recorder.resetCommandOptions();
    }
    assertEquals(CommandBridge.recordedOptions(dialog), recorded);
    assertTrue(recorded.contains(" peritumoral_mask_file=[] "), recorded);
    assertTrue(recorded.contains(" case_name=[case A] "), recorded);
    Map<String, String> parsed = MacroOptions.parse(recorded);
    assertEquals(KEYS, new ArrayList<>(parsed.keySet()));

    String replayLine = recorded.replace(outInteractive.toString(), outReplay.toString());
    Map<String, Object> replay = CommandBridge.runWithOptions(MaskedMeanCommand.class, replayLine);
    byte[] a = Files.readAllBytes(outInteractive.resolve("result.csv"));
    byte[] b = Files.readAllBytes(outReplay.resolve("result.csv"));
    assertEquals(new String(a), new String(b));
    // hand computation: mask = the 4 voxels x in {1,2}, y in {1,2}, slice 2; image value
    // 100*z + 10*y + x there (z = 1 for slice 2): 111 + 112 + 121 + 122 = 466; sum * 0.5 = 233
    ResultsTable rt = (ResultsTable) replay.get("results");
    assertEquals(233.0, rt.getValue("value", 0), 0.0);
    assertEquals(4.0, rt.getValue("count", 0), 0.0);
    assertEquals(4.0, rt.getValue("k", 0), 0.0);
    assertEquals("SUM", rt.getStringValue("mode", 0));
    assertEquals("case A: 233.0", interactive.get("summary"));
  }

  /** C20: headless (surefire runs with java.awt.headless=true), full options, CSV written. */
  @Test
  void c20HeadlessRunWithFullOptionsWritesTheCsv() throws Exception {
    assertTrue(java.awt.GraphicsEnvironment.isHeadless());
    Path img = writeSynthetic();
    Path out = tmp.resolve("headless");
    runInMacroThread(null);
    // with no options the bridge refuses to show a dialog headless: nothing is written
    assertTrue(Files.notExists(out));
    runInMacroThread("image=[" + img + "] mask_image=[] peritumoral_mask_file=[] output_dir=["
        + out + "] habitat_k=3 factor=1 statistic=sum mode=SUM case_name=c20 normalize=false");
    // no mask: all 16*16*3 voxels; sum over z,y,x of 100z+10y+x
    // = 256*100*(0+1+2) + 3*16*10*120 + 3*16*120 = 76800 + 57600 + 5760 = 140160
    String csv = Files.readString(out.resolve("result.csv"));
    assertTrue(csv.contains("c20,140160.00000000000,768,3,SUM,false"), csv);
  }

  @Test
  void unknownCommandClassIsReported() {
    assertMessage("command class not found: org.habitatj.commands.NoSuch",
        () -> CommandBridge.commandClass("org.habitatj.commands.NoSuch"));
    assertNull(ij.Macro.getOptions());
  }

  /**
   * Runs the bridge as ImageJ runs a plugin called by run("...", options) from a macro: in a
   * thread named "Run$_..." with the options set for that thread (Macro.getOptions() only answers
   * in such threads).
   */
  private static void runInMacroThread(String options) throws InterruptedException {
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(() -> {
      ij.Macro.setOptions(options);
      try {
        new CommandBridge().run("org.habitatj.ij.fixture.MaskedMeanCommand");
      } catch (Throwable e) {
        thrown[0] = e;
      } finally {
        ij.Macro.setOptions(null);
      }
    }, "Run$_c20");
    t.start();
    t.join();
    assertNull(thrown[0], () -> "the bridge threw " + thrown[0]);
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable ex) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
    assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
  }

  /** 16x16x3 16-bit image with value 100*z + 10*y + x (z 0-based). */
  private Path writeSynthetic() {
    ImageStack st = new ImageStack(16, 16);
    for (int z = 0; z < 3; z++) {
      ShortProcessor sp = new ShortProcessor(16, 16);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          sp.set(x, y, 100 * z + 10 * y + x);
        }
      }
      st.addSlice(sp);
    }
    Path p = tmp.resolve("image 1.tif");
    IJ.saveAsTiff(new ImagePlus("image 1", st), p.toString());
    return p;
  }

  /** Mask: x, y in {1, 2} on the second slice. */
  private Path writeMask() {
    ImageStack st = new ImageStack(16, 16);
    for (int z = 0; z < 3; z++) {
      ShortProcessor sp = new ShortProcessor(16, 16);
      if (z == 1) {
        for (int y = 1; y <= 2; y++) {
          for (int x = 1; x <= 2; x++) {
            sp.set(x, y, 1);
          }
        }
      }
      st.addSlice(sp);
    }
    Path p = tmp.resolve("mask.tif");
    IJ.saveAsTiff(new ImagePlus("mask", st), p.toString());
    return p;
  }

  /**
   * A macro call with no options (run("X", "") in batch mode, where ImageJ passes null options)
   * must name every required key that has no default instead of opening a dialog.
   */
  @Test
  void emptyOptionsListEveryMissingRequiredKey() {
    List<CommandParameter> params = CommandBridge.parameters(MaskSourceCommand.class);
    Map<String, String> v = CommandBridge.resolve(params, "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandBridge.checkRequired(params, v));
    assertTrue(e.getMessage().contains(
        "missing required macro key(s): input_file (Input file), output_dir (Output folder)"),
        e.getMessage());
    // mask_source has a default: not listed
    assertTrue(!e.getMessage().contains("mask_source"), e.getMessage());
    assertMessage("missing required macro key(s): output_dir (Output folder)",
        () -> CommandBridge.runWithOptions(MaskSourceCommand.class, "input_file=/tmp/a.nii"));
  }

  /** mask_source=[mask image] (as the key mask_image) is the label-image source. */
  @Test
  void maskImageIsAnAliasOfLabelImage() {
    String base = "input_file=[/tmp/a.nii] output_dir=[" + tmp + "] ";
    assertEquals("label image", CommandBridge.runWithOptions(MaskSourceCommand.class,
        base + "mask_source=[mask image]").get("source"));
    assertEquals("label image", CommandBridge.runWithOptions(MaskSourceCommand.class,
        base + "mask_source=[Mask Image]").get("source"));
    assertEquals("label image", CommandBridge.runWithOptions(MaskSourceCommand.class,
        base + "mask_source=[label image]").get("source"));
    assertEquals("mask file", CommandBridge.runWithOptions(MaskSourceCommand.class,
        base).get("source"));
    assertMessage("is not one of: mask file, label image, ROI Manager",
        () -> CommandBridge.runWithOptions(MaskSourceCommand.class, base + "mask_source=roi"));
    assertTrue(ImageInputs.isLabelImage("mask image"));
    assertTrue(ImageInputs.isLabelImage("label image"));
    assertTrue(!ImageInputs.isLabelImage("mask file"));
  }

  /** continueOnError returns "" so a bare call(...) statement prints nothing in ImageJ. */
  @Test
  void continueOnErrorReturnsNothingToPrint() {
    try {
      assertEquals("", CommandBridge.continueOnError("true"));
    } finally {
      assertEquals("", CommandBridge.continueOnError("false"));
    }
  }
}
