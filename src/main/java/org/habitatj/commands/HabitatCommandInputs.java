package org.habitatj.commands;

import java.util.Arrays;
import java.util.List;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.ith.Connectivity;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.settings.RadiomicsSettings;
import org.scijava.plugin.Parameter;

/**
 * Inputs shared by "Habitat Map" and "Habitat Montage": image and tumour mask (from
 * {@link ImageMaskCommand}), slices, map settings (as {@link CasePipeline#Settings}: 5×5 windows
 * not restricted to the ROI, grey levels per window, six families, PyRadiomics defaults but the
 * bin width), standardisation, seed and restarts. ITH scores and region counts use 8-connectivity on the
 * largest slice (ITHscore) or 26-connectivity on all slices, 1-voxel regions dropped.
 */
abstract class HabitatCommandInputs extends ImageMaskCommand {

  static final String LARGEST = "largest slice";
  static final String ALL = "all slices (3D)";

  @Parameter(label = "Slices", choices = {LARGEST, ALL},
      description = "the largest-area slice (first maximum, as ITHscore) or all slices (3D)")
  String slices = LARGEST;

  @Parameter(label = "Kernel radius (voxels)", min = "1", description = "window half-width")
  int kernelRadius = 2;

  @Parameter(label = "Map families",
      description = "comma-separated: firstorder, glcm, glrlm, glszm, gldm, ngtdm")
  String mapFamilies = "firstorder, glcm, glrlm, glszm, gldm, ngtdm";

  @Parameter(label = "Bin width", min = "0", description = "fixed bin width (intensity units)")
  double binWidth = 25;

  @Parameter(label = "Standardisation", choices = {"minmax", "zscore"})
  String standardization = "minmax";

  @Parameter(label = "Seed", description = "random seed of K-means (recorded)")
  long seed = 0;

  @Parameter(label = "Restarts", min = "1", description = "k-means++ restarts")
  int restarts = 20;

  /** Map settings, slice choice and habitat options (K-means options from {@code clustering}). */
  CasePipeline.Settings settings(HabitatClustering.Options clustering) {
    boolean threeD = ALL.equals(slices);
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    IthScore.Options ith = IthScore.Options.of(threeD ? Connectivity.TWENTY_SIX
        : Connectivity.EIGHT);
    IthPipeline.Options o = new IthPipeline.Options(FeatureStandardizer.byName(standardization),
        clustering.withSeed(seed).withRestarts(restarts), ith);
    List<String> families = Arrays.stream(mapFamilies.split("[,\\s]+"))
        .filter(x -> !x.isBlank()).toList();
    return new CasePipeline.Settings(RadiomicsSettings.builder().binWidth(binWidth).build(), 0,
        d.ringMode(), !threeD, d.kernel(), kernelRadius, d.maskedKernel(), d.mapDiscretization(),
        families, o, d.threads());
  }
}
