package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.testutil.RefCases;
import org.habitatj.testutil.RefTables;
import org.habitatj.testutil.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PyRadiomics' shipped baselines (data/pyradiomics/baseline/baseline_<class>.csv), brain1 and
 * breast1 columns. Settings come from each column's diagnostics_Configuration_Settings row.
 * Relative tolerance 1e-6, except mesh-based shape features of brain1's default column (made with
 * PyRadiomics 1.3.0, an older mesh; see reference/README.md), which are checked against
 * reference/whole_roi instead in {@link WholeRoiReferenceTest}.
 */
class PyRadiomicsBaselineTest {

  static final Path BASE = TestImages.SHARED.resolve("data/pyradiomics/baseline");
  static final Path DATA = TestImages.SHARED.resolve("data/pyradiomics");
  static final double TOL = 1e-6;

  static Stream<Arguments> columns() throws Exception {
    if (!Files.isDirectory(BASE)) {
      return Stream.of(Arguments.of("none", "none"));
    }
    List<Arguments> out = new ArrayList<>();
    for (String fam : List.of("firstorder", "shape", "shape2D", "glcm", "glrlm", "glszm", "gldm", "ngtdm")) {
      Map<String, LinkedHashMap<String, String>> cols =
          RefTables.columns(BASE.resolve("baseline_" + fam + ".csv"));
      for (String c : cols.keySet()) {
        if (c.startsWith("brain1") || c.startsWith("breast1")) {
          out.add(Arguments.of(fam, c));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("columns")
  void matchesBaseline(String family, String column) throws Exception {
    assumeTrue(Files.isDirectory(BASE), "../shared absent");
    boolean texture = FeatureExtractor.TEXTURE_NAMES.contains(family);
    if (texture) {
      assumeTrue(FeatureExtractor.availableTextureFamilies().stream().anyMatch(f -> f.name().equals(family)),
          family + " not built");
    }
    assumeTrue(!column.endsWith("_combined"), "weightingNorm not supported");
    assumeTrue(!column.endsWith("_resampling"), "resampling compared separately");
    LinkedHashMap<String, String> ref = RefTables.columns(BASE.resolve("baseline_" + family + ".csv")).get(column);
    List<String> warnings = new ArrayList<>();
    RadiomicsSettings.Builder b = RefCases.fromPythonDict(ref.get("diagnostics_Configuration_Settings"), warnings);
    Map<String, List<String>> fc = new LinkedHashMap<>();
    fc.put(family, List.of());
    b.enabledFeatures(fc);
    String kase = column.replaceAll("_.*", "");
    TestImages.Raw img = RefCases.load(DATA.resolve(kase + "_image.nrrd"));
    TestImages.Raw lab = RefCases.load(DATA.resolve(kase + "_label.nrrd"));
    RadiomicsSettings s = b.build();
    FeatureExtractor.Result r;
    org.habitatj.core.image.Mask mask = lab.mask(s.label());
    if (family.equals("shape2D")) {
      // The shape2D baseline used a one-slice mask: the slice z of its corrected bounding box
      // "(x, y, z, sx, sy, sz)" (brain1 z = 16, breast1 z = 9).
      String bb = ref.get("diagnostics_Mask-corrected_BoundingBox").replaceAll("[() ]", "");
      int z = Integer.parseInt(bb.split(",")[2]);
      byte[] m = mask.data().clone();
      int[] size = mask.geometry().size();
      for (int i = 0; i < m.length; i++) {
        if (i / (size[0] * size[1]) != z) {
          m[i] = 0;
        }
      }
      mask = new org.habitatj.core.image.Mask(m, mask.geometry());
    }
    r = new FeatureExtractor(s).extract(img.volume(), mask);
    int n = 0;
    double worst = 0;
    String worstName = "";
    StringBuilder fails = new StringBuilder();
    for (Map.Entry<String, String> e : ref.entrySet()) {
      if (!e.getKey().startsWith("original_") || e.getValue().isEmpty()) {
        continue;
      }
      Double ours = r.features().get(e.getKey());
      assertTrue(ours != null, "missing " + e.getKey());
      double refV = Double.parseDouble(e.getValue());
      double d = RefCases.relDiff(ours, refV);
      boolean oldMesh = family.equals("shape") && column.equals("brain1")
          && !e.getKey().matches(".*(VoxelVolume|AxisLength|Elongation|Flatness)");
      if (d > TOL && !oldMesh) {
        fails.append(String.format("%n  %s ours %s ref %s rel %.3g", e.getKey(), ours, refV, d));
      }
      if (!oldMesh && d > worst) {
        worst = d;
        worstName = e.getKey();
      }
      n++;
    }
    System.out.printf("baseline %s %s: %d features, worst rel %.3g (%s)%n", family, column, n, worst, worstName);
    assertTrue(n > 0);
    assertEquals("", fails.toString(), "features beyond " + TOL);
  }
}
