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
import java.util.Set;
import java.util.stream.Stream;
import org.habitatj.core.settings.PyRadiomicsParams;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.testutil.RefCases;
import org.habitatj.testutil.RefTables;
import org.habitatj.testutil.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * reference/whole_roi: PyRadiomics 3.1.1.dev (commit 8ed5793) outputs on brain1, breast1, the
 * prostate phantom (labels 1, 7, 8, 9) and four STS MR cases. Settings: the YAML beside each file,
 * label from the diagnostics row. Every feature of an implemented family must agree to a relative
 * 1e-6; families not built yet are skipped (counted in the printout).
 */
class WholeRoiReferenceTest {

  static final Path DIR = TestImages.SHARED.resolve("reference/whole_roi");
  static final double TOL = 1e-6;

  static Stream<Arguments> files() throws Exception {
    if (!Files.isDirectory(DIR)) {
      return Stream.of(Arguments.of("none"));
    }
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv") && n.contains("__"))
          .sorted().map(Arguments::of).toList().stream();
    }
  }

  static Path[] inputs(String kase) {
    Path data = TestImages.SHARED.resolve("data");
    if (kase.startsWith("STS_") && kase.contains("_z")) {
      Path in = TestImages.SHARED.resolve("reference/voxel_maps/inputs");
      return new Path[] {in.resolve(kase + "_image1z.nrrd"), in.resolve(kase + "_label1z.nrrd")};
    }
    if (kase.startsWith("STS_")) {
      Path d = data.resolve("ibsi_sts_mr/nifti/" + kase);
      return new Path[] {d.resolve("MR_T1_image.nii.gz"), d.resolve("MR_T1_mask.nii.gz")};
    }
    if (kase.startsWith("prostate")) {
      return new Path[] {data.resolve("pyradiomics/prostate_phantom_subvolume.nrrd"),
          data.resolve("pyradiomics/prostate_phantom_subvolume-label.nrrd")};
    }
    return new Path[] {data.resolve("pyradiomics/" + kase + "_image.nrrd"),
        data.resolve("pyradiomics/" + kase + "_label.nrrd")};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void matchesPyRadiomics(String file) throws Exception {
    assumeTrue(Files.isDirectory(DIR), "../shared absent");
    String kase = file.substring(0, file.indexOf("__")).replaceAll("-label\\d+$", "");
    String yaml = file.substring(file.indexOf("__") + 2).replace(".csv", ".yaml");
    LinkedHashMap<String, String> ref = RefTables.twoColumn(DIR.resolve(file));
    PyRadiomicsParams.Parsed parsed = PyRadiomicsParams.read(DIR.resolve(yaml));
    assertEquals(List.of(), parsed.warnings(), "the reference YAML uses only supported keys");
    List<String> w = new ArrayList<>();
    RadiomicsSettings diagSettings =
        RefCases.fromPythonDict(ref.get("diagnostics_Configuration_Settings"), w).build();
    RadiomicsSettings s = parsed.settings().toBuilder().label(diagSettings.label()).build();
    Path[] in = inputs(kase);
    TestImages.Raw img = RefCases.load(in[0]);
    TestImages.Raw lab = RefCases.load(in[1]);
    FeatureExtractor.Result r = new FeatureExtractor(s).extract(img.volume(), lab.mask(s.label()));
    Set<String> built = new java.util.HashSet<>(List.of("shape", "shape2D", "firstorder"));
    FeatureExtractor.availableTextureFamilies().forEach(f -> built.add(f.name()));
    int n = 0;
    int skipped = 0;
    double worst = 0;
    String worstName = "";
    StringBuilder fails = new StringBuilder();
    for (Map.Entry<String, String> e : ref.entrySet()) {
      if (!e.getKey().startsWith("original_")) {
        continue;
      }
      String fam = e.getKey().split("_")[1];
      if (!built.contains(fam)) {
        skipped++;
        continue;
      }
      Double ours = r.features().get(e.getKey());
      assertTrue(ours != null, "missing " + e.getKey());
      double refV = Double.parseDouble(e.getValue());
      double d = RefCases.relDiff(ours, refV);
      if (d > TOL) {
        fails.append(String.format("%n  %s ours %s ref %s rel %.3g", e.getKey(), ours, refV, d));
      }
      if (d > worst) {
        worst = d;
        worstName = e.getKey();
      }
      n++;
    }
    System.out.printf("whole_roi %s: %d matched, %d skipped (family not built), worst rel %.3g (%s)%n",
        file, n, skipped, worst, worstName);
    // every feature we output for a built family is in the reference (two-way completeness)
    for (String k : r.features().keySet()) {
      assertTrue(ref.containsKey(k), "we output " + k + " which PyRadiomics does not");
    }
    assertEquals("", fails.toString(), "features beyond " + TOL);
  }
}
