package org.habitatj.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.progress.Progress;
import org.habitatj.io.NrrdReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ITHscore package's raw per-pixel matrix ({@code reference/ithscore/<case>_features_raw.csv},
 * ITHscore v0.2.3 a3321cd on PyRadiomics g8ed5793: 107 features per tumour pixel of the largest
 * slice, 5×5 unmasked windows, per-window discretisation, spacing 1) must be reproduced within 1e-6
 * relative for every pixel and feature, in the same row order and column order.
 */
class IthscoreWindowFeaturesTest {

  @ParameterizedTest
  @CsvSource({"brain1, brain1_z16, 984, 0", "breast1, breast1_z9, 82, 0"})
  void matchesIthscorePackage(String name, String input, int pixels, int z) throws Exception {
    Path ref = Path.of("..", "shared", "reference", "ithscore");
    Path csv = ref.resolve(name + "_features_raw.csv");
    assumeTrue(Files.exists(csv), "../shared not available");
    Volume img = NrrdReader.read(ref.resolve("inputs").resolve(input + "_image1z.nrrd")).volume();
    Mask mask = Masks.fromLabelImage(
        NrrdReader.read(ref.resolve("inputs").resolve(input + "_label1z.nrrd")).volume(),
        Masks.LabelChoice.label(1)).mask();
    IthscoreWindowFeatures.Result r = IthscoreWindowFeatures.compute(img, mask, z, 2, Progress.NONE);
    List<CSVRecord> rows = new ArrayList<>();
    List<String> header;
    try (Reader rd = Files.newBufferedReader(csv)) {
      var parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(rd);
      header = parser.getHeaderNames();
      parser.forEach(rows::add);
    }
    assertEquals(pixels, rows.size());
    assertEquals(pixels, r.values().length);
    assertEquals(header.size() - 6, r.features().size());
    for (int f = 0; f < r.features().size(); f++) {
      assertEquals(header.get(6 + f), r.features().get(f).pyradiomicsName(), "column " + f);
    }
    double worst = 0;
    int matched = 0;
    for (int p = 0; p < pixels; p++) {
      CSVRecord rec = rows.get(p);
      assertEquals(Integer.parseInt(rec.get("x")), r.x()[p], "pixel " + p + " x");
      assertEquals(Integer.parseInt(rec.get("y")), r.y()[p], "pixel " + p + " y");
      for (int f = 0; f < r.features().size(); f++) {
        double e = Double.parseDouble(rec.get(6 + f));
        double o = r.values()[p][f];
        String where = name + " pixel " + p + " " + header.get(6 + f);
        if (Double.isNaN(e)) {
          assertTrue(Double.isNaN(o), where + ": expected NaN, got " + o);
        } else {
          double rel = Math.abs(o - e) / Math.max(Math.abs(e), 1e-9);
          assertTrue(rel <= 1e-6 || Math.abs(o - e) <= 1e-12, where + ": ours " + o + ", ITHscore " + e);
          worst = Math.max(worst, Math.abs(e) > 1e-9 ? rel : 0);
        }
        matched++;
      }
    }
    System.out.printf(Locale.ROOT, "ITHscore %s: %d pixel x %d features matched, worst relative %.3g%n",
        name, pixels, r.features().size(), worst);
    assertEquals(pixels * 107, matched);
  }
}
