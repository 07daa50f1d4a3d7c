package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.io.CsvTable;
import org.habitatj.io.MedicalImageReader;
import org.habitatj.io.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end test of issue 7: macros/HabitatJ_Batch.ijm in real ImageJ 1.x ({@code
 * net.imagej:ij}) under Xvfb with the built plugin, mode "pipeline", on the real MR case bundled in
 * test-images/ (STS_008, IBSI STS T1), plus STS_019 from ../shared when present, plus a degenerate
 * case between them (STS_008 image with a single-voxel mask). Asserted: one row per case in order;
 * the degenerate case has an error row with the reason and the batch goes on (C04); the features
 * equal the PyRadiomics reference (reference/whole_roi, binWidth 25, when ../shared is present);
 * ith_score and combined_ith_score equal the Java API ({@link CasePipeline}) on the same inputs;
 * the failed case has no output folder, the others have theirs.
 */
class BatchMacroTest {

  static final Path SHARED = Path.of("..", "shared");
  static final Path STS = SHARED.resolve("data/ibsi_sts_mr/nifti");
  @TempDir Path tmp;

  @Test
  void batchMacroPipelineRowsWithAnErrorRowForTheDegenerateCase() throws Exception {
    ImageJ1.assumeXvfb();
    Path input = tmp.resolve("cohort in");
    Path bundled = Path.of("test-images", "STS_008");
    copyCase(bundled, Files.createDirectories(input.resolve("STS_008")));
    List<String> expectedIds = new ArrayList<>(List.of("STS_008", "STS_009_single_voxel"));
    if (Files.isDirectory(STS.resolve("STS_019"))) {
      copyCase(STS.resolve("STS_019"), Files.createDirectories(input.resolve("STS_019")));
      expectedIds.add("STS_019");
    }
    Path bad = Files.createDirectories(input.resolve("STS_009_single_voxel"));
    Files.copy(bundled.resolve("MR_T1_image.nii.gz"), bad.resolve("MR_T1_image.nii.gz"));
    Geometry g = MedicalImageReader.read(bundled.resolve("MR_T1_mask.nii.gz")).geometry();
    Mask one = Mask.empty(g);
    one.data()[g.index(40, 40, 12)] = 1;
    NiftiWriter.write(one, bad.resolve("MR_T1_mask.nii.gz"));

    Path output = tmp.resolve("cohort out");
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    String macroPath = Path.of("macros", "HabitatJ_Batch.ijm").toAbsolutePath().toString();
    String args = "input=[" + ImageJ1.q(input) + "] output=[" + ImageJ1.q(output)
        + "] image_suffix=[MR_T1_image.nii.gz] mask_suffix=[MR_T1_mask.nii.gz] mode=pipeline";
    String macro = "runMacro('" + macroPath + "', '" + args + "');\nprint('batch returned');\n";
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 400);
    String all = run.all();
    assertEquals(0, run.exitCode(), all);
    assertTrue(all.contains("batch returned"), all);

    List<LinkedHashMap<String, String>> rows = CsvTable.read(output.resolve("cohort.csv"));
    assertEquals(expectedIds, rows.stream().map(r -> r.get("case_id")).toList(), all);
    assertEquals("error", rows.get(1).get("status"));
    assertTrue(rows.get(1).get("error").contains("ROI has 1 voxel"), rows.get(1).get("error"));
    // a case's output folder exists only when the case succeeded
    assertTrue(!Files.exists(output.resolve("STS_009_single_voxel")),
        "output folder made for a failed case");
    int features = 0;
    double worst = 0;
    for (Map<String, String> row : rows) {
      if (row.get("case_id").contains("single_voxel")) {
        continue;
      }
      assertEquals("ok", row.get("status"), row.get("error"));
      Path dir = input.resolve(row.get("case_id"));
      CasePipeline.Result api = CasePipeline.run(
          MedicalImageReader.read(dir.resolve("MR_T1_image.nii.gz")).volume(),
          Masks.fromLabelImage(MedicalImageReader.read(dir.resolve("MR_T1_mask.nii.gz")).volume(),
              Masks.LabelChoice.auto()).mask(),
          withBinWidth25(CasePipeline.Settings.defaults()), CasePipeline.Clinical.NONE,
          Progress.NONE);
      assertEquals(api.ithScore(), Double.parseDouble(row.get("ith_score")), 0.0);
      assertEquals(api.combinedIthScore(), Double.parseDouble(row.get("combined_ith_score")), 0.0);
      assertTrue(Files.exists(output.resolve(row.get("case_id")).resolve("overlay.png")));
      Path ref = SHARED.resolve("reference/whole_roi/" + row.get("case_id") + "__default.csv");
      if (Files.exists(ref)) {
        for (String line : Files.readAllLines(ref)) {
          String[] kv = line.split(",", 2);
          if (kv[0].startsWith("original_")) {
            double want = Double.parseDouble(kv[1]);
            double got = Double.parseDouble(row.get(kv[0]));
            assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), row.get("case_id") + kv[0]);
            worst = Math.max(worst, Math.abs(got - want) / Math.max(1e-300, Math.abs(want)));
            features++;
          }
        }
      }
    }
    System.out.println("batch macro (pipeline): " + rows.size() + " rows, " + features
        + " feature values vs PyRadiomics, worst rel " + worst);
  }

  /**
   * INPUT is one case folder whose image is named exactly the suffix: the case is the folder. In
   * mode=features the case folder holds features.csv and, next to it, features_settings.json with
   * the settings, the inputs (absolute image path, label 1 chosen automatically) and notes.
   */
  @Test
  void batchOnOneCaseFolderNamesTheCaseAfterTheFolder() throws Exception {
    ImageJ1.assumeXvfb();
    Path input = Files.createDirectories(tmp.resolve("STS_008"));
    copyCase(Path.of("test-images", "STS_008"), input);
    Path output = tmp.resolve("out");
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    String macroPath = Path.of("macros", "HabitatJ_Batch.ijm").toAbsolutePath().toString();
    String args = "input=[" + ImageJ1.q(input) + "] output=[" + ImageJ1.q(output)
        + "] image_suffix=[MR_T1_image.nii.gz] mask_suffix=[MR_T1_mask.nii.gz] mode=features";
    ImageJ1.Run run = ImageJ1.runMacro(ij, "runMacro('" + macroPath + "', '" + args + "');\n",
        300);
    assertEquals(0, run.exitCode(), run.all());
    List<LinkedHashMap<String, String>> rows = CsvTable.read(output.resolve("cohort.csv"));
    assertEquals(List.of("STS_008"), rows.stream().map(r -> r.get("case_id")).toList(),
        run.all());
    assertEquals("ok", rows.get(0).get("status"), rows.get(0).get("error"));
    Path json = output.resolve("STS_008/features_settings.json");
    assertTrue(Files.isRegularFile(output.resolve("STS_008/features.csv")), run.all());
    com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(Files.readString(json))
        .getAsJsonObject();
    assertEquals("STS_008", j.get("case_id").getAsString());
    assertEquals(25.0, j.getAsJsonObject("radiomics").get("binWidth").getAsDouble(), 0);
    com.google.gson.JsonObject in = j.getAsJsonObject("inputs");
    assertEquals(input.resolve("MR_T1_image.nii.gz").toAbsolutePath().normalize().toString(),
        in.get("image").getAsString());
    assertEquals(1, in.get("label").getAsInt());
    assertEquals("mask file", in.get("mask_source").getAsString());
  }

  /** The command's settings with no YAML: binWidth 25 (the command's default field value). */
  static CasePipeline.Settings withBinWidth25(CasePipeline.Settings d) {
    return new CasePipeline.Settings(RadiomicsSettings.builder().binWidth(25).build(), d.ringMm(),
        d.ringMode(), d.largestSliceOnly(), d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(),
        d.habitats(), 1);
  }

  static void copyCase(Path from, Path to) throws Exception {
    Files.copy(from.resolve("MR_T1_image.nii.gz"), to.resolve("MR_T1_image.nii.gz"));
    Files.copy(from.resolve("MR_T1_mask.nii.gz"), to.resolve("MR_T1_mask.nii.gz"));
  }
}
