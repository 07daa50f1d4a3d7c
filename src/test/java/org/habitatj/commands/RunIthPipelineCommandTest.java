package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.habitatj.core.clinical.NomogramModel;
import org.habitatj.core.clinical.TumourComposition;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;
import org.habitatj.ij.CommandBridge;
import org.habitatj.io.CsvTable;
import org.habitatj.io.MedicalImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Run ITH Pipeline" headless through the bridge's macro path on the bundled real case
 * (test-images/STS_008, IBSI STS T1 MR): outputs written, features equal to PyRadiomics, scores
 * equal to the Java API on the same inputs, nomogram probability equal to the logistic formula
 * with the bundled coefficients.
 */
class RunIthPipelineCommandTest {

  static final Path CASE = Path.of("test-images", "STS_008");
  @TempDir Path tmp;

  @Test
  void pipelineOnTheBundledCaseWritesEverythingAndAgreesWithTheJavaApi() throws Exception {
    Path out = tmp.resolve("out dir");
    Path img = CASE.resolve("MR_T1_image.nii.gz");
    Path msk = CASE.resolve("MR_T1_mask.nii.gz");
    Map<String, Object> o = CommandBridge.runWithOptions(RunIthPipelineCommand.class,
        "image_file=[" + img + "] mask_file=[" + msk + "] ring_mm=3 habitats=4 seed=7 roma=35.5"
            + " composition=solid case_id=STS_008 output_dir=[" + out + "]");
    for (String f : List.of("results.csv", "habitat_map.nii.gz", "habitat_map.tif",
        "habitat_map_joint.nii.gz", "ring_mask.nii.gz", "ring_mask.tif", "overlay.png",
        "settings.json")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    Map<String, String> row = CsvTable.read(out.resolve("results.csv")).get(0);

    // the Java API on the same inputs and settings
    Volume v = MedicalImageReader.read(img).volume();
    Mask m = Masks.fromLabelImage(MedicalImageReader.read(msk).volume(),
        Masks.LabelChoice.auto()).mask();
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    CasePipeline.Settings s = new CasePipeline.Settings(d.radiomics(), 3, d.ringMode(), true,
        d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(),
        new org.habitatj.core.habitat.IthPipeline.Options(d.habitats().standardization(),
            d.habitats().clustering().withK(4).withSeed(7), d.habitats().ith()), 1);
    CasePipeline.Result api = CasePipeline.run(v, m, s,
        new CasePipeline.Clinical(35.5, TumourComposition.SOLID), Progress.NONE);
    assertEquals(api.ithScore(), Double.parseDouble(row.get("ith_score")), 0.0);
    assertEquals(api.combinedIthScore(), Double.parseDouble(row.get("combined_ith_score")), 0.0);
    assertTrue(api.ithScore() > 0 && api.ithScore() < 1, row.get("ith_score"));
    assertEquals("4", row.get("habitat_k"));
    assertEquals("7", row.get("seed"));
    // largest-area slice of STS_008 is z = 12 (reference/README.md)
    assertEquals("12", row.get("habitat_slice"));
    int sum = 0;
    for (int h = 1; h <= 4; h++) {
      sum += Integer.parseInt(row.get("habitat_" + h + "_voxels"));
    }
    assertEquals(915, sum); // 915 tumour pixels on z = 12 (reference/README.md)

    // nomogram: p = 1 / (1 + exp(-(b0 + b_roma * 35.5 + b_solid + b_ith * combined)))
    JsonObject j = JsonParser.parseString(new String(RunIthPipelineCommandTest.class
        .getResourceAsStream(NomogramModel.BUNDLED_RESOURCE).readAllBytes())).getAsJsonObject();
    double b0 = j.get("intercept").getAsDouble();
    double lp = b0;
    for (var t : j.getAsJsonArray("terms")) {
      JsonObject term = t.getAsJsonObject();
      switch (term.get("name").getAsString()) {
        case "ROMA" -> lp += term.get("coefficient").getAsDouble() * 35.5;
        case "combined_ITH" -> lp += term.get("coefficient").getAsDouble()
            * api.combinedIthScore();
        default -> {
          for (var l : term.getAsJsonArray("levels")) {
            if (l.getAsJsonObject().get("level").getAsString().equals("solid")) {
              lp += l.getAsJsonObject().get("coefficient").getAsDouble();
            }
          }
        }
      }
    }
    assertEquals(1 / (1 + Math.exp(-lp)), Double.parseDouble(row.get("nomogram_probability")),
        1e-12);

    // features: PyRadiomics reference (binWidth 25, label 1) when ../shared is present
    Path ref = Path.of("..", "shared", "reference", "whole_roi", "STS_008__default.csv");
    if (Files.exists(ref)) {
      int n = 0;
      for (String line : Files.readAllLines(ref)) {
        String[] kv = line.split(",", 2);
        if (kv[0].startsWith("original_")) {
          double want = Double.parseDouble(kv[1]);
          assertEquals(want, Double.parseDouble(row.get(kv[0])), 1e-9 * Math.max(1, Math.abs(want)),
              kv[0]);
          n++;
        }
      }
      assertEquals(107, n);
    }
    JsonObject settings = JsonParser.parseString(Files.readString(out.resolve("settings.json")))
        .getAsJsonObject();
    assertEquals(7, settings.get("seed").getAsInt());
    assertEquals(org.habitatj.Version.VERSION, settings.get("habitatj_version").getAsString());
    ImagePlus overlay = (ImagePlus) o.get("overlay");
    assertEquals(ImagePlus.COLOR_RGB, overlay.getType());

    // overlay.png: the overlay enlarged by an integer factor to >= 400 px, a key and caption below
    ImagePlus png = ij.IJ.openImage(out.resolve("overlay.png").toString());
    int f = png.getWidth() / overlay.getWidth();
    assertEquals(overlay.getWidth() * f, png.getWidth());
    assertTrue(Math.max(png.getWidth(), overlay.getHeight() * f) >= 400);
    assertTrue(png.getHeight() > overlay.getHeight() * f + 40, "no legend band below the image");
    // the image part is the overlay, nearest neighbour: pixel (x, y) = overlay pixel (x/f, y/f)
    for (int y = 0; y < overlay.getHeight() * f; y += 7) {
      for (int x = 0; x < png.getWidth(); x += 5) {
        assertEquals(overlay.getProcessor().getPixel(x / f, y / f) & 0xffffff,
            png.getProcessor().getPixel(x, y) & 0xffffff);
      }
    }
    // the key: a swatch of each habitat colour, drawn in the band
    for (int h = 1; h <= 4; h++) {
      int want = org.habitatj.ui.HabitatOverlay.PALETTE[h - 1];
      int n = 0;
      for (int y = overlay.getHeight() * f; y < png.getHeight(); y++) {
        for (int x = 0; x < png.getWidth(); x++) {
          n += (png.getProcessor().getPixel(x, y) & 0xffffff) == want ? 1 : 0;
        }
      }
      assertTrue(n >= 64, "habitat " + h + " swatch: " + n + " pixels");
    }

    // habitat_map.tif opens coloured: label 0 black, label h in the habitat colour h
    ImagePlus tif = ij.IJ.openImage(out.resolve("habitat_map.tif").toString());
    assertEquals(8, tif.getBitDepth());
    assertEquals(0, tif.getDisplayRangeMin(), 0);
    assertEquals(4, tif.getDisplayRangeMax(), 0);
    tif.setSlice(13); // habitat slice z = 12, 1-based 13
    ij.process.ImageProcessor lab = tif.getProcessor();
    ij.process.ImageProcessor rgb = lab.convertToRGB();
    boolean[] seen = new boolean[5];
    for (int i = 0; i < lab.getPixelCount(); i++) {
      int h = lab.get(i);
      seen[h] = true;
      assertEquals(h == 0 ? 0 : org.habitatj.ui.HabitatOverlay.PALETTE[h - 1],
          rgb.get(i) & 0xffffff, "label " + h);
    }
    assertTrue(seen[0] && seen[1] && seen[2] && seen[3] && seen[4]);
  }

  /**
   * The two menu entries that give ITH scores agree on the same case when the pipeline is given
   * the ITH Score command's (ITHscore package) window choices.
   */
  /**
   * The macro route says the run's notes in the Log (headless: standard output), e.g. the label
   * chosen automatically for the bundled mask.
   */
  @Test
  void notesGoToTheLog() {
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      CommandBridge.runWithOptions(RunIthPipelineCommand.class, "image_file=["
          + CASE.resolve("MR_T1_image.nii.gz") + "] mask_file=[" + CASE.resolve("MR_T1_mask.nii.gz")
          + "] ring_mm=0");
    } finally {
      System.setOut(old);
    }
    String log = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(log.contains("Run ITH Pipeline: no label given: using label 1, the only non-zero"
        + " label in the mask (8862 voxels)"), log);
  }

  @Test
  void pipelineWithIthscoreWindowsAgreesWithTheIthScoreCommand() {
    String files = "image_file=[" + CASE.resolve("MR_T1_image.nii.gz") + "] mask_file=["
        + CASE.resolve("MR_T1_mask.nii.gz") + "]";
    ij.measure.ResultsTable p = (ij.measure.ResultsTable) CommandBridge.runWithOptions(
        RunIthPipelineCommand.class, files + " window_radius=2 masked_window=false "
            + "bins_per_window=true map_families=[firstorder,glcm,glrlm,glszm,gldm,ngtdm]")
        .get("results");
    ij.measure.ResultsTable q = (ij.measure.ResultsTable) CommandBridge.runWithOptions(
        IthScoreCommand.class, files).get("results");
    assertEquals(q.getValue("ith_score", 0), p.getValue("ith_score", 0), 0.0);
    assertEquals(q.getValue("combined_ith_score", 0), p.getValue("combined_ith_score", 0), 0.0);
    // the same names count the same voxels: the whole ring, and the ring on the habitat slice
    // (a part of it); the joint clustering agrees, so the clustered rings must agree too
    double whole = p.getValue("ring_voxels", 0);
    double onSlice = p.getValue("habitat_ring_voxels", 0);
    assertTrue(onSlice > 0 && onSlice < whole, onSlice + " of " + whole);
    assertEquals(whole, q.getValue("ring_voxels", 0), 0.0);
    assertEquals(onSlice, q.getValue("habitat_ring_voxels", 0), 0.0);
    System.out.println("STS_008 ITHscore windows: ITH " + p.getValue("ith_score", 0) + ", combined "
        + p.getValue("combined_ith_score", 0));
  }
}
