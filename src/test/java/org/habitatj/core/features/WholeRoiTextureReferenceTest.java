package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.habitatj.core.features.TextureTestData.Prep;
import org.habitatj.core.features.TextureTestData.Vol;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code shared/reference/whole_roi/<case>__<settings>.csv}: PyRadiomics (commit 8ed5793) on the
 * PyRadiomics test cases, the prostate phantom labels, the IBSI soft-tissue-sarcoma MR cases
 * (default, MR-style z-score ×100 with binWidth 5, force2D on the 3D ROI and on one slice). Every
 * texture feature within 1e-6 relative difference.
 */
class WholeRoiTextureReferenceTest {

  static final Path DIR = TextureTestData.SHARED.resolve("reference/whole_roi");

  static Stream<String> files() throws IOException {
    if (!Files.isDirectory(DIR)) {
      return Stream.of("absent");
    }
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")
          && n.contains("__")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void wholeRoi(String file) throws Exception {
    assumeTrue(Files.isDirectory(DIR), "../shared absent");
    String caseName = file.substring(0, file.indexOf("__"));
    String cfg = file.substring(file.indexOf("__") + 2, file.length() - 4);
    Map<String, String> ref = TextureTestData.readFeatureValue(DIR.resolve(file));
    String settings = ref.get("diagnostics_Configuration_Settings");
    Vol img;
    Vol mask;
    int label = 1;
    Path data = TextureTestData.SHARED.resolve("data");
    if (caseName.startsWith("prostate")) {
      img = TextureTestData.readNrrd(data.resolve("pyradiomics/prostate_phantom_subvolume.nrrd"));
      mask = TextureTestData.readNrrd(
          data.resolve("pyradiomics/prostate_phantom_subvolume-label.nrrd"));
      label = Integer.parseInt(caseName.substring(caseName.indexOf("label") + 5));
    } else if (caseName.equals("STS_002_z17")) {
      Path in = TextureTestData.SHARED.resolve("reference/voxel_maps/inputs");
      img = TextureTestData.readNrrd(in.resolve("STS_002_z17_image1z.nrrd"));
      mask = TextureTestData.readNrrd(in.resolve("STS_002_z17_label1z.nrrd"));
    } else if (caseName.startsWith("STS")) {
      Path d = data.resolve("ibsi_sts_mr/nifti/" + caseName);
      assumeTrue(Files.isDirectory(d), "case kept aside: " + caseName);
      img = TextureTestData.readNifti(d.resolve("MR_T1_image.nii.gz"));
      mask = TextureTestData.readNifti(d.resolve("MR_T1_mask.nii.gz"));
    } else {
      img = TextureTestData.readNrrd(data.resolve("pyradiomics/" + caseName + "_image.nrrd"));
      mask = TextureTestData.readNrrd(data.resolve("pyradiomics/" + caseName + "_label.nrrd"));
    }
    Prep prep;
    RadiomicsSettings.Builder sb = RadiomicsSettings.builder().label(label);
    switch (cfg) {
      case "default" -> prep = Prep.defaults();
      case "mr_norm100_bw5" -> {
        assertTrue(settings.contains("'normalize': True") && settings.contains("'binWidth': 5"));
        prep = new Prep(5, true, 100, null);
        sb.binWidth(5);
      }
      case "force2D", "force2D_slice" -> {
        assertTrue(settings.contains("'force2D': True") && settings.contains("'force2Ddimension': 0"));
        prep = Prep.defaults();
        sb.force2D(true).force2Ddimension(0);
      }
      default -> throw new IllegalStateException("unknown settings " + cfg);
    }
    DiscretizedRoi roi = TextureTestData.discretize(img, mask, label, prep);
    RadiomicsSettings s = sb.build();
    int total = 0;
    for (String fam : TextureFamilies.NAMES) {
      FeatureFamily f = TextureFamilies.byName(fam);
      double[] v = f.compute(roi, s);
      List<FeatureInfo> infos = f.features();
      double worst = 0;
      for (int k = 0; k < infos.size(); k++) {
        String name = infos.get(k).pyradiomicsName();
        String r = ref.get(name);
        assertTrue(r != null, "no reference for " + name);
        double rv = Double.parseDouble(r);
        worst = Math.max(worst, TextureBaselineTest.relDiff(v[k], rv));
        assertEquals(rv, v[k], 1e-6 * Math.max(Math.abs(rv), 1e-9), name + " in " + file);
        total++;
      }
      System.out.printf("WHOLEROI %s %s: %d matched, worst rel diff %.3g%n", file, fam,
          infos.size(), worst);
    }
    assertEquals(75, total);
  }
}
