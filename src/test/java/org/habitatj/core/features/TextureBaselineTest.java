package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.habitatj.core.features.TextureTestData.Prep;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PyRadiomics' shipped baselines ({@code shared/data/pyradiomics/baseline/baseline_<family>.csv},
 * columns brain1/breast1 × default, _2d, _normalization, _resegmentation): every texture feature
 * within 1e-6 relative difference. Each column's settings are read from its
 * diagnostics_Configuration_Settings row and checked against the preprocessing used here.
 */
class TextureBaselineTest {

  static final double TOL = 1e-6;

  static FeatureFamily family(String name) {
    return TextureFamilies.byName(name);
  }

  static Stream<Arguments> cases() {
    List<Arguments> a = new ArrayList<>();
    for (String fam : TextureFamilies.NAMES) {
      for (String c : new String[] {"brain1", "breast1"}) {
        for (String cfg : new String[] {"", "_2d", "_normalization", "_resegmentation"}) {
          a.add(Arguments.of(fam, c, cfg));
        }
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} {1}{2}")
  @MethodSource("cases")
  void baseline(String fam, String caseName, String cfg) throws Exception {
    assumeTrue(Files.isDirectory(TextureTestData.BASELINE), "../shared absent");
    Map<String, Map<String, String>> base =
        TextureTestData.readBaseline(TextureTestData.BASELINE.resolve("baseline_" + fam + ".csv"));
    String col = caseName + cfg;
    String settings = base.get("diagnostics_Configuration_Settings").get(col);
    RadiomicsSettings.Builder sb = RadiomicsSettings.builder();
    Prep prep;
    switch (cfg) {
      case "" -> {
        assertTrue(settings.contains("'binWidth': 25") && settings.contains("'force2D': False"));
        prep = Prep.defaults();
      }
      case "_2d" -> {
        assertTrue(settings.contains("'force2D': True") && settings.contains("'force2Ddimension': 0"));
        assertTrue(!settings.contains("binWidth"));
        prep = Prep.defaults();
        sb.force2D(true).force2Ddimension(0);
      }
      case "_normalization" -> {
        assertTrue(settings.contains("'normalize': True") && settings.contains("'normalizeScale': 100")
            && settings.contains("'binWidth': 5"));
        prep = new Prep(5, true, 100, null);
        sb.binWidth(5);
      }
      default -> {
        assertTrue(settings.contains("'resegmentMode': 'sigma'")
            && settings.contains("'resegmentRange': [-3, 3]"));
        prep = new Prep(25, false, 1, new double[] {-3, 3});
      }
    }
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase(caseName, prep);
    FeatureFamily f = family(fam);
    double[] v = f.compute(roi, sb.build());
    int matched = 0;
    double worst = 0;
    String worstName = "";
    List<FeatureInfo> infos = f.features();
    for (int k = 0; k < infos.size(); k++) {
      String name = infos.get(k).pyradiomicsName();
      Map<String, String> row = base.get(name);
      if (row == null || row.get(col) == null || row.get(col).isEmpty()) {
        continue; // feature absent from this (older) baseline column
      }
      double ref = Double.parseDouble(row.get(col));
      double rd = relDiff(v[k], ref);
      if (rd > worst) {
        worst = rd;
        worstName = name;
      }
      assertEquals(ref, v[k], TOL * Math.max(Math.abs(ref), 1e-9), name + " " + col);
      matched++;
    }
    System.out.printf(
        "BASELINE %s %s: %d features matched, worst rel diff %.3g (%s)%n",
        fam, col, matched, worst, worstName);
    assertTrue(matched >= infos.size() - 1, "too few reference values for " + fam + " " + col);
  }

  static double relDiff(double a, double ref) {
    return Math.abs(a - ref) / Math.max(Math.abs(ref), 1e-9);
  }
}
