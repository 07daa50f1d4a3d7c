package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.io.CsvTable;
import org.habitatj.io.MedicalImageReader;
import org.habitatj.io.NiftiWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * macros/HabitatJ_Batch.ijm in real ImageJ 1.x under Xvfb on real MR cases (IBSI STS T1, NIfTI):
 * STS_008 and STS_019 give the PyRadiomics reference features (reference/whole_roi, default.yaml),
 * and a degenerate case between them (STS_008 image, single-voxel mask) gets an error row with the
 * reason while the batch goes on (case C04).
 */
class BatchMacroTest {

  static final Path SHARED = Path.of("..", "shared");
  static final Path STS = SHARED.resolve("data/ibsi_sts_mr/nifti");
  @TempDir Path tmp;

  @Test
  void batchMacroWritesOneRowPerCaseWithAnErrorRowForTheDegenerateCase() throws Exception {
    ImageJ1.assumeXvfb();
    Assumptions.assumeTrue(Files.isDirectory(STS), "../shared absent");
    Path input = tmp.resolve("cohort in");
    for (String c : List.of("STS_008", "STS_019")) {
      Path d = Files.createDirectories(input.resolve(c));
      Files.copy(STS.resolve(c + "/MR_T1_image.nii.gz"), d.resolve("MR_T1_image.nii.gz"));
      Files.copy(STS.resolve(c + "/MR_T1_mask.nii.gz"), d.resolve("MR_T1_mask.nii.gz"));
    }
    Path bad = Files.createDirectories(input.resolve("STS_009_single_voxel"));
    Files.copy(STS.resolve("STS_008/MR_T1_image.nii.gz"), bad.resolve("MR_T1_image.nii.gz"));
    Geometry g = MedicalImageReader.read(STS.resolve("STS_008/MR_T1_mask.nii.gz")).geometry();
    Mask one = Mask.empty(g);
    one.data()[g.index(60, 50, 12)] = 1;
    NiftiWriter.write(one, bad.resolve("MR_T1_mask.nii.gz"));

    Path output = tmp.resolve("cohort out");
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    String macroPath = Path.of("macros", "HabitatJ_Batch.ijm").toAbsolutePath().toString();
    String args = "input=[" + ImageJ1.q(input) + "] output=[" + ImageJ1.q(output)
        + "] image_suffix=[MR_T1_image.nii.gz] mask_suffix=[MR_T1_mask.nii.gz] mode=features"
        + " settings=[" + ImageJ1.q(SHARED.resolve("reference/whole_roi/default.yaml")) + "]";
    String macro = "runMacro('" + macroPath + "', '" + args + "');\nprint('batch returned');\n";
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 300);
    String all = run.all();
    assertEquals(0, run.exitCode(), all);
    assertTrue(all.contains("batch returned"), all);

    List<LinkedHashMap<String, String>> rows = CsvTable.read(output.resolve("cohort.csv"));
    assertEquals(3, rows.size(), all);
    assertEquals(List.of("STS_008", "STS_009_single_voxel", "STS_019"),
        rows.stream().map(r -> r.get("case_id")).toList());
    assertEquals("error", rows.get(1).get("status"));
    assertTrue(rows.get(1).get("error").contains("ROI has 1 voxel"), rows.get(1).get("error"));
    double worst = 0;
    int matched = 0;
    for (int i : new int[] {0, 2}) {
      Map<String, String> row = rows.get(i);
      assertEquals("ok", row.get("status"), row.get("error"));
      Path ref = SHARED.resolve("reference/whole_roi/" + row.get("case_id") + "__default.csv");
      for (String line : Files.readAllLines(ref)) {
        String[] kv = line.split(",", 2);
        if (!kv[0].startsWith("original_")) {
          continue;
        }
        double want = Double.parseDouble(kv[1]);
        double got = Double.parseDouble(row.get(kv[0]));
        assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), row.get("case_id") + " " + kv[0]);
        worst = Math.max(worst, Math.abs(got - want) / Math.max(1e-300, Math.abs(want)));
        matched++;
      }
    }
    assertEquals(214, matched);
    System.out.println("batch macro: " + matched + " feature values matched, worst rel " + worst);
  }
}
