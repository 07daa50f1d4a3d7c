package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.core.image.Masks;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;
import org.habitatj.io.CsvTable;
import org.habitatj.io.MedicalImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * macros/HabitatJ_Single_Case.ijm in ImageJ 1.x under Xvfb on test-images/STS_008: the image is
 * opened through File > Import (an ImagePlus with its geometry), the mask comes from the file, and
 * the scores equal the Java API on the files.
 */
class SingleCaseMacroTest {

  @TempDir Path tmp;

  @Test
  void singleCaseMacroGivesTheJavaApiScores() throws Exception {
    ImageJ1.assumeXvfb();
    Path img = Path.of("test-images/STS_008/MR_T1_image.nii.gz").toAbsolutePath();
    Path msk = Path.of("test-images/STS_008/MR_T1_mask.nii.gz").toAbsolutePath();
    Path out = tmp.resolve("out");
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    String macroPath = Path.of("macros", "HabitatJ_Single_Case.ijm").toAbsolutePath().toString();
    String macro = "runMacro('" + macroPath + "', 'image=[" + ImageJ1.q(img) + "] mask=["
        + ImageJ1.q(msk) + "] output=[" + ImageJ1.q(out) + "]');\n";
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 200);
    assertEquals(0, run.exitCode(), run.all());
    CasePipeline.Result api = CasePipeline.run(MedicalImageReader.read(img).volume(),
        Masks.fromLabelImage(MedicalImageReader.read(msk).volume(), Masks.LabelChoice.auto())
            .mask(), BatchMacroTest.withBinWidth25(CasePipeline.Settings.defaults()),
        CasePipeline.Clinical.NONE, Progress.NONE);
    // the case ID is the image's folder name (not the file name shared by every case)
    String line = String.format(Locale.ROOT,
        "STS_008: ITH score %.4f, combined ITH score %.4f, K = 6", api.ithScore(),
        api.combinedIthScore());
    assertTrue(run.all().contains(line), line + "\n" + run.all());
    Map<String, String> row = CsvTable.read(out.resolve("results.csv")).get(0);
    assertEquals("STS_008", row.get("case_id"));
    assertEquals(api.ithScore(), Double.parseDouble(row.get("ith_score")), 0.0);
    assertEquals(api.combinedIthScore(), Double.parseDouble(row.get("combined_ith_score")), 0.0);
    assertTrue(Files.size(out.resolve("overlay.png")) > 0);
  }
}
