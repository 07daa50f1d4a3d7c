package org.habitatj.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.Connectivity;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.maps.KernelShape;
import org.habitatj.core.maps.MapDiscretization;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.Tables;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * ITH Score: sliding-window feature maps → standardisation → seeded K-means habitats → ITH score
 * of the tumour, and (optionally) the combined and ring-only ITH scores of tumour ∪ peritumoral
 * ring clustered jointly (HabitatJ's definition, see {@code CombinedIthScore}). Defaults reproduce
 * the ITHscore package: largest-area slice, 5×5 windows not restricted to the tumour with bins per
 * window, min–max, K = 6, 8-connectivity with 1-pixel regions dropped.
 */
@Plugin(type = Command.class, headless = true, label = "ITH Score")
public class IthScoreCommand extends ImageMaskCommand {

  static final String LARGEST = "largest slice";
  static final String ALL = "all slices (3D)";

  @Parameter(label = "Slices", choices = {LARGEST, ALL},
      description = "ITHscore: the largest-area slice (first maximum); or all slices (3D regions)")
  private String slices = LARGEST;

  @Parameter(label = "Kernel radius", min = "1", description = "window half-width in voxels (2 = 5x5)")
  private int kernelRadius = 2;

  @Parameter(label = "Bin width", min = "0", description = "fixed bin width (intensity units)")
  private double binWidth = 25;

  @Parameter(label = "Bins per window",
      description = "ITHscore: bins from each window; off: PyRadiomics voxel-based (whole ROI once)")
  private boolean binsPerWindow = true;

  @Parameter(label = "Clusters K", min = "2", max = "20")
  private int clusters = 6;

  @Parameter(label = "Seed", description = "random seed of K-means (recorded)")
  private long seed = 0;

  @Parameter(label = "Restarts", min = "1", description = "k-means++ restarts")
  private int restarts = 20;

  @Parameter(label = "Standardisation", choices = {"minmax", "zscore"})
  private String standardization = "minmax";

  @Parameter(label = "8-connectivity", description = "off: 4-connectivity (2D) / 6 (3D)")
  private boolean eightConnected = true;

  @Parameter(label = "Drop 1-pixel regions", description = "ITHscore's pruning")
  private boolean prune = true;

  @Parameter(label = "Combined with ring", description = "also cluster tumour + ring jointly")
  private boolean combined = true;

  @Parameter(label = "Ring distance (mm)", min = "0.001")
  private double ringDistance = 3.0;

  /** Named {@code results} so the bridge makes it ImageJ's Results table (macro getResult). */
  @Parameter(type = ItemIO.OUTPUT, label = "Scores")
  private ResultsTable results;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitats")
  private ResultsTable habitats;

  @Parameter(type = ItemIO.OUTPUT, label = "Habitat map")
  private ImagePlus habitatMap;

  @Parameter(type = ItemIO.OUTPUT, label = "Combined habitat map")
  private ImagePlus combinedHabitatMap;

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume img = volume(notes);
    Mask tumour = mask(img, notes);
    boolean threeD = ALL.equals(slices);
    Mask wholeTumour = tumour;
    if (!threeD) {
      tumour = IthPipeline.slice(tumour, IthPipeline.largestAreaSlice(tumour));
    }
    Mask ring = null;
    int wholeRingVoxels = 0;
    if (combined) {
      PeritumoralRing ringOp = PeritumoralRing.builder().distanceMm(ringDistance).build();
      PeritumoralRing.Result r = ringOp.compute(tumour);
      notes.addAll(r.warnings());
      ring = r.isEmpty() ? null : r.mask();
      // the whole ring around the tumour (all slices), as in the pipeline's ring_voxels
      wholeRingVoxels = threeD ? r.voxels() : ringOp.compute(wholeTumour).voxels();
    }
    Mask union = ring == null ? tumour : or(tumour, ring);
    RadiomicsSettings s = RadiomicsSettings.defaults().toBuilder().binWidth(binWidth)
        .maskedKernel(false).build();
    FeatureMaps maps = FeatureMapEngine.builder(img, union).settings(s)
        .kernel(KernelShape.SQUARE_2D).radiusVoxels(kernelRadius)
        .discretization(binsPerWindow ? MapDiscretization.PER_WINDOW
            : MapDiscretization.WHOLE_ROI_ONCE)
        .threads(Runtime.getRuntime().availableProcessors()).build().run();
    Connectivity c = threeD ? (eightConnected ? Connectivity.TWENTY_SIX : Connectivity.SIX)
        : (eightConnected ? Connectivity.EIGHT : Connectivity.FOUR);
    IthPipeline.Options o = new IthPipeline.Options(FeatureStandardizer.byName(standardization),
        HabitatClustering.Options.DEFAULT.withK(clusters).withSeed(seed).withRestarts(restarts),
        IthScore.Options.of(c).withPruning(prune));
    IthPipeline.Result r = IthPipeline.run(VoxelFeatures.of(maps, tumour),
        ring == null ? null : VoxelFeatures.of(maps, ring), o, org.habitatj.core.progress.Progress.NONE);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("ith_score", String.valueOf(r.tumourIth().score()));
    row.put("combined_ith_score", r.combined() == null ? "NaN"
        : String.valueOf(r.combined().combined().score()));
    row.put("ring_ith_score", r.combined() == null || r.combined().ringOnly() == null ? "NaN"
        : String.valueOf(r.combined().ringOnly().score()));
    row.put("tumour_voxels", String.valueOf(tumour.count()));
    // ring_voxels: whole ring (all slices); habitat_ring_voxels: the ring clustered on the
    // habitat slice(s)
    row.put("ring_voxels", String.valueOf(wholeRingVoxels));
    row.put("habitat_ring_voxels", String.valueOf(ring == null ? 0 : ring.count()));
    row.put("K", String.valueOf(r.tumourClustering().k()));
    row.put("seed", String.valueOf(seed));
    row.put("connectivity", c.name());
    row.put("notes", String.join("; ", notes));
    results = Tables.of(List.of(row));
    List<Map<String, String>> rows = new ArrayList<>();
    for (HabitatMap.HabitatStats h : r.tumourMap().table(c, null)) {
      Map<String, String> t = new LinkedHashMap<>();
      t.put("habitat", String.valueOf(h.habitat()));
      t.put("voxels", String.valueOf(h.voxels()));
      t.put("volume_mm3", String.valueOf(h.volumeMm3()));
      t.put("fraction", String.valueOf(h.fraction()));
      t.put("regions", String.valueOf(h.regions()));
      t.put("largest_region", String.valueOf(h.largestRegion()));
      rows.add(t);
    }
    habitats = Tables.of(rows);
    habitatMap = ImageInputs.labelsToImagePlus(r.tumourMap().labelsAsInt(), img.geometry(),
        "habitats K=" + r.tumourClustering().k());
    combinedHabitatMap = r.jointMap() == null ? null : ImageInputs.labelsToImagePlus(
        r.jointMap().labelsAsInt(), img.geometry(), "habitats tumour+ring");
  }

  private static Mask or(Mask a, Mask b) {
    byte[] d = a.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] |= b.data()[i];
    }
    return new Mask(d, a.geometry());
  }
}
