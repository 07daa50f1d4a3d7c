package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in {@code ImageJ -batch} (real ImageJ 1.x under Xvfb, ended by {@code timeout} if a
 * dialog waited for a user): the opener with a missing or truncated file and a command run with
 * no options report their message once on the Log (stdout) and end the macro, or set lastError
 * with continueOnError; nothing hangs and no stray value is printed.
 */
class BatchErrorsMacroTest {

  @TempDir Path tmp;

  private static final int TIMEOUT = 120;

  @Test
  void missingFileEndsTheMacroWithOneMessageNamingTheFile() throws Exception {
    ImageJ1.assumeXvfb();
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    Path missing = tmp.resolve("nonexist.nii.gz");
    ImageJ1.Run run = ImageJ1.runMacro(ij, String.join("\n",
        "run('NIfTI/NRRD (HabitatJ)...', 'open=[" + ImageJ1.q(missing) + "]');",
        "print('not reached');"), TIMEOUT);
    String all = run.all();
    assertNotEquals(124, run.exitCode(), "ImageJ hung (timeout): " + all);
    assertNotEquals(137, run.exitCode(), "ImageJ hung (timeout): " + all);
    assertTrue(all.contains("nonexist.nii.gz"), all);
    assertFalse(all.contains("not reached"), all);
    // the message once, not "X error: msg" followed by "msg"
    assertEquals(1, count(all, "nonexist.nii.gz"), all);
  }

  @Test
  void continueOnErrorRecordsOpenerAndBridgeErrorsWithoutStrayOutput() throws Exception {
    ImageJ1.assumeXvfb();
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    Path missing = tmp.resolve("nonexist.nii.gz");
    Path mask = Path.of("test-images/STS_008/MR_T1_mask.nii.gz");
    Path truncated = tmp.resolve("truncated.nii.gz");
    byte[] all = Files.readAllBytes(mask);
    Files.write(truncated, Arrays.copyOf(all, all.length / 3));
    String macro = String.join("\n",
        "call('org.habitatj.ij.CommandBridge.continueOnError', 'true');",
        "run('NIfTI/NRRD (HabitatJ)...', 'open=[" + ImageJ1.q(missing) + "]');",
        "print('err1=' + call('org.habitatj.ij.CommandBridge.lastError'));",
        "run('NIfTI/NRRD (HabitatJ)...', 'open=[" + ImageJ1.q(truncated) + "]');",
        "print('err2=' + call('org.habitatj.ij.CommandBridge.lastError'));",
        "print('images=' + nImages);",
        // a command whose required image is missing (none open), run with no options
        "run('Mask to ROI Manager', '');",
        "print('err3=' + call('org.habitatj.ij.CommandBridge.lastError'));",
        // a command with a Results table: its numeric outputs are not dumped to the Log
        "run('ROMA Index', 'he4=50 ca125=20 menopause=premenopausal');",
        "print('err4=[' + call('org.habitatj.ij.CommandBridge.lastError') + '] nResults='"
            + " + nResults + ' risk=' + getResultString('Risk', 0));",
        // the saver: a wrong extension is reported like the other errors, no dialog
        "newImage('a', '8-bit black', 4, 4, 2);",
        "run('Save NIfTI/NRRD (HabitatJ)...', 'save=[" + ImageJ1.q(tmp.resolve("out.tif")) + "]');",
        "print('err5=' + call('org.habitatj.ij.CommandBridge.lastError'));",
        "close();",
        "call('org.habitatj.ij.CommandBridge.continueOnError', 'false');",
        "run('Mask to ROI Manager', '');",
        "print('not reached');");
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, TIMEOUT);
    String out = run.all();
    assertNotEquals(124, run.exitCode(), "ImageJ hung (timeout): " + out);
    assertNotEquals(137, run.exitCode(), "ImageJ hung (timeout): " + out);
    assertTrue(out.contains("err1=") && lineWith(out, "err1=").contains("nonexist.nii.gz"), out);
    assertTrue(lineWith(out, "err2=").contains("truncated.nii.gz"), out);
    assertTrue(out.contains("images=0"), out);
    assertTrue(lineWith(out, "err3=").contains("missing required macro key(s): mask (Mask)"),
        out);
    assertTrue(out.contains("err4=[] nResults=1 risk="), out);
    assertTrue(lineWith(out, "err5=").contains("out.tif")
        && lineWith(out, "err5=").contains("use the extension .nii, .nii.gz or .nrrd"), out);
    assertFalse(Files.exists(tmp.resolve("out.tif")), out);
    assertFalse(out.contains("not reached"), out);
    // no stray return value of call(...continueOnError...) and no raw output fields
    for (String line : out.split("\n")) {
      String t = line.trim();
      assertFalse(t.equals("false") || t.equals("true"), "stray line '" + t + "':\n" + out);
      assertFalse(t.startsWith("roma: ") || t.startsWith("predictiveIndex: "), out);
    }
    // each error logged once: two failing Mask to ROI Manager runs (continueOnError on, then
    // off) give two "error:" lines, plus the err3= print; never the bare message repeated
    assertEquals(2, count(out, "Mask to ROI Manager error: missing required"), out);
    assertEquals(3, count(out, "missing required macro key(s): mask (Mask)"), out);
    assertEquals(1, count(out, "error: " + missing), out);
    for (String line : out.split("\n")) {
      assertFalse(line.startsWith("missing required") || line.startsWith(missing.toString()),
          "message repeated without its title: " + line + "\n" + out);
    }
  }

  private static String lineWith(String text, String prefix) {
    for (String line : text.split("\n")) {
      if (line.contains(prefix)) {
        return line;
      }
    }
    return "";
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
