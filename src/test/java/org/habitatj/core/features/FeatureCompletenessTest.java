package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.habitatj.testutil.RefTables;
import org.habitatj.testutil.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two-way completeness: the feature names PyRadiomics writes for a class (baseline CSV rows and
 * reference/whole_roi) are exactly our default features of that class, and vice versa.
 */
class FeatureCompletenessTest {

  static List<FeatureInfo> ours(String family) {
    return switch (family) {
      case "firstorder" -> FirstOrder.FEATURES;
      case "shape" -> Shape3D.FEATURES;
      case "shape2D" -> Shape2D.FEATURES;
      default -> TextureFamilies.byName(family).features();
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"firstorder", "shape", "shape2D", "glcm", "glrlm", "glszm", "gldm", "ngtdm"})
  void namesMatchPyRadiomicsBothWays(String family) throws Exception {
    Path base = TestImages.SHARED.resolve("data/pyradiomics/baseline/baseline_" + family + ".csv");
    assumeTrue(Files.isRegularFile(base), "../shared absent");
    Set<String> theirs = new TreeSet<>();
    for (var col : RefTables.columns(base).values()) {
      col.keySet().stream().filter(k -> k.startsWith("original_" + family + "_")).forEach(theirs::add);
    }
    Path ref = TestImages.SHARED.resolve("reference/whole_roi/STS_002_z17__force2D_slice.csv");
    Set<String> theirs2 = new TreeSet<>();
    RefTables.twoColumn(ref).keySet().stream().filter(k -> k.startsWith("original_" + family + "_"))
        .forEach(theirs2::add);
    Set<String> mine = new TreeSet<>();
    ours(family).forEach(f -> mine.add(f.pyradiomicsName()));
    assertEquals(theirs, mine, "baseline_" + family + ".csv names vs ours");
    assertEquals(theirs2, mine, "reference/whole_roi names vs ours");
    // and in PyRadiomics' output order
    assertEquals(List.copyOf(RefTables.twoColumn(ref).keySet().stream()
        .filter(k -> k.startsWith("original_" + family + "_")).toList()),
        ours(family).stream().map(FeatureInfo::pyradiomicsName).toList());
  }
}
