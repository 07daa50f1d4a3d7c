package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.habitatj.io.CsvTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Extract Radiomics Features" through the bridge's macro path (headless): STS_008 (IBSI STS MR,
 * T1) against the PyRadiomics whole-ROI reference ({@code reference/whole_roi/STS_008__default.csv},
 * default.yaml: binWidth 25, label 1, 107 features).
 */
class ExtractFeaturesCommandTest {

  static final Path SHARED = Path.of("..", "shared");
  @TempDir Path tmp;

  @Test
  void sts008MatchesPyRadiomicsThroughTheMacroPath() throws Exception {
    Path dir = SHARED.resolve("data/ibsi_sts_mr/nifti/STS_008");
    Path ref = SHARED.resolve("reference/whole_roi/STS_008__default.csv");
    Assumptions.assumeTrue(Files.isDirectory(dir) && Files.exists(ref), "../shared absent");
    Path csv = tmp.resolve("sts 008.csv");
    Map<String, Object> out = CommandBridge.runWithOptions(ExtractFeaturesCommand.class,
        "image_file=[" + dir.resolve("MR_T1_image.nii.gz") + "] mask_source=[mask file] mask_file=["
            + dir.resolve("MR_T1_mask.nii.gz") + "] label=1 settings_file=["
            + SHARED.resolve("reference/whole_roi/default.yaml") + "] case_id=STS_008 output_csv=["
            + csv + "]");
    Map<String, String> row = CsvTable.read(csv).get(0);
    Map<String, Double> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ref)) {
      String[] kv = line.split(",", 2);
      if (kv[0].startsWith("original_")) {
        expected.put(kv[0], Double.parseDouble(kv[1]));
      }
    }
    assertEquals(107, expected.size());
    int matched = 0;
    double worst = 0;
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertTrue(row.containsKey(e.getKey()), "missing column " + e.getKey());
      double got = Double.parseDouble(row.get(e.getKey()));
      double rel = Math.abs(got - e.getValue()) / Math.max(1e-300, Math.abs(e.getValue()));
      worst = Math.max(worst, e.getValue() == 0 ? Math.abs(got) : rel);
      assertEquals(e.getValue(), got, 1e-9 * Math.max(1, Math.abs(e.getValue())), e.getKey());
      matched++;
    }
    System.out.println("STS_008 via command: " + matched + " features, worst rel diff " + worst);
    assertEquals("STS_008", row.get("case_id"));
    ResultsTable rt = (ResultsTable) out.get("results");
    assertEquals(1, rt.size());
    assertEquals(expected.get("original_firstorder_Mean"), rt.getValue("original_firstorder_Mean", 0),
        1e-9 * Math.abs(expected.get("original_firstorder_Mean")));
  }

  @Test
  void missingMaskFileIsAClearError() throws Exception {
    Path dir = SHARED.resolve("data/ibsi_sts_mr/nifti/STS_008");
    Assumptions.assumeTrue(Files.isDirectory(dir), "../shared absent");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> CommandBridge.runWithOptions(
            ExtractFeaturesCommand.class, "image_file=[" + dir.resolve("MR_T1_image.nii.gz")
                + "] mask_file=[" + tmp.resolve("nope.nii.gz") + "]"));
    assertTrue(e.getMessage().contains("nope.nii.gz"), e.getMessage());
    List.of();
  }

  /**
   * With an output CSV (the batch macro's mode=features) the command writes
   * {@code <csv>_settings.json} next to it: version, radiomics settings, the inputs record (as Run
   * ITH Pipeline's) and the notes, which are also the row's warnings.
   */
  @Test
  void outputCsvComesWithASettingsJson() throws Exception {
    Path img = Path.of("test-images/STS_008/MR_T1_image.nii.gz");
    Path msk = Path.of("test-images/STS_008/MR_T1_mask.nii.gz");
    Path csv = tmp.resolve("case/features.csv");
    CommandBridge.runWithOptions(ExtractFeaturesCommand.class, "image_file=[" + img
        + "] mask_source=[mask file] mask_file=[" + msk + "] bin_width=10 output_csv=[" + csv
        + "]");
    Path json = tmp.resolve("case/features_settings.json");
    assertEquals(json, ExtractFeaturesCommand.settingsJson(csv));
    com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(
        Files.readString(json)).getAsJsonObject();
    // the case ID is the image file's folder name, as Run ITH Pipeline's
    assertEquals("STS_008", j.get("case_id").getAsString());
    assertEquals(org.habitatj.Version.VERSION, j.get("habitatj_version").getAsString());
    assertEquals(10.0, j.getAsJsonObject("radiomics").get("binWidth").getAsDouble(), 0);
    assertEquals("all", j.getAsJsonObject("radiomics").getAsJsonObject("enabledFeatures")
        .get("glcm").getAsString());
    com.google.gson.JsonObject in = j.getAsJsonObject("inputs");
    assertEquals(img.toAbsolutePath().toString(), in.get("image").getAsString());
    assertEquals(msk.toAbsolutePath().toString(), in.get("mask").getAsString());
    assertEquals("mask file", in.get("mask_source").getAsString());
    assertEquals(1, in.get("label").getAsInt());
    assertEquals(org.habitatj.ij.PipelineInputs.AUTO, in.get("label_choice").getAsString());
    String note = "no label given: using label 1, the only non-zero label in the mask (8862 "
        + "voxels)";
    assertEquals(note, j.getAsJsonArray("notes").get(0).getAsString());
    assertEquals(note, CsvTable.read(csv).get(0).get("warnings"));

    // a second run to the same CSV is refused before computing and leaves both files as they were
    String before = Files.readString(csv);
    String beforeJson = Files.readString(json);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> CommandBridge.runWithOptions(
            ExtractFeaturesCommand.class, "image_file=[" + img + "] mask_source=[mask file]"
                + " mask_file=[" + msk + "] bin_width=25 output_csv=[" + csv + "]"));
    assertTrue(e.getMessage().contains(csv + " already exists; choose another output CSV, or set"
        + " overwrite"), e.getMessage());
    assertEquals(before, Files.readString(csv));
    assertEquals(beforeJson, Files.readString(json));
    // overwrite=true replaces them
    CommandBridge.runWithOptions(ExtractFeaturesCommand.class, "image_file=[" + img
        + "] mask_source=[mask file] mask_file=[" + msk + "] bin_width=25 output_csv=[" + csv
        + "] overwrite=true");
    assertEquals(25.0, com.google.gson.JsonParser.parseString(Files.readString(json))
        .getAsJsonObject().getAsJsonObject("radiomics").get("binWidth").getAsDouble(), 0);
  }

  /**
   * With the dialog's Label 0 (auto), a PyRadiomics file's {@code setting: label} is the label
   * used, and the note says so instead of "no label given".
   */
  @Test
  void labelFromTheSettingsFile() throws Exception {
    Path yaml = tmp.resolve("label.yaml");
    Files.writeString(yaml, "setting:\n  binWidth: 25\n  label: 1\n");
    String files = "image_file=[test-images/STS_008/MR_T1_image.nii.gz] mask_source=[mask file]"
        + " mask_file=[test-images/STS_008/MR_T1_mask.nii.gz] settings_file=[" + yaml + "]";
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    ij.measure.ResultsTable rt;
    try {
      System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      rt = (ij.measure.ResultsTable) CommandBridge.runWithOptions(ExtractFeaturesCommand.class,
          files).get("results");
    } finally {
      System.setOut(old);
    }
    String w = rt.getStringValue("warnings", 0);
    assertTrue(w.contains("label 1 from the settings file label.yaml"), w);
    assertTrue(!w.contains("no label given"), w);
    assertEquals(8862, rt.getValue("diagnostics_Mask-original_VoxelNum", 0), 0);
    // the notes are in the Log too (headless: standard output)
    String log = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(log.contains("Extract Radiomics Features: label 1 from the settings file label.yaml"),
        log);
    // an explicit label that differs from the file's wins, and the note says so
    Files.writeString(yaml, "setting:\n  binWidth: 25\n  label: 2\n");
    rt = (ij.measure.ResultsTable) CommandBridge.runWithOptions(ExtractFeaturesCommand.class,
        files + " label=1").get("results");
    w = rt.getStringValue("warnings", 0);
    assertTrue(w.contains("label 1 as given; the settings file label.yaml says label 2, not used"),
        w);
  }
}
