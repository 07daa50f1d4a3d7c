package org.habitatj.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.progress.Progress;

/**
 * Habitats of a tumour alone (no ring), for the "Habitat Map" and "Habitat Montage" commands: the
 * habitat stage of {@link CasePipeline} ({@link CasePipeline#habitatInputs}: largest-area slice or
 * all slices, feature maps, per-voxel features) followed by {@link IthPipeline} (standardisation,
 * seeded K-means with K fixed or selected, habitat map, ITH score) and the per-habitat table
 * ({@link HabitatMap#table}: voxels, volume in mm³, fraction, connected regions and largest
 * region under the ITH options' connectivity, mean of each unstandardised map feature).
 *
 * <p>{@link CasePipeline.Settings#ringMm()} and the whole-ROI features of {@link CasePipeline} are not used.
 * Deterministic for a given seed.
 */
public final class HabitatMapRun {

  private HabitatMapRun() {}

  /**
   * One clustering of the tumour.
   *
   * @param inputs slice, maps and per-voxel features clustered
   * @param habitats the clustering, habitat map and ITH score of the tumour
   * @param table one row per habitat 1..K
   * @param notes notes (features left out of the clustering)
   */
  public record Result(CasePipeline.HabitatInputs inputs, IthPipeline.Result habitats,
      List<HabitatMap.HabitatStats> table, List<String> notes) {

    /** The habitat label image (0 outside the tumour voxels clustered, 1..K inside). */
    public HabitatMap map() {
      return habitats.tumourMap();
    }

    /** K, WCSS, seed and, when K was selected, the criterion curve. */
    public HabitatClustering.Result clustering() {
      return habitats.tumourClustering();
    }

    /** The ITH score of the habitat map. */
    public double ithScore() {
      return habitats.tumourIth().score();
    }
  }

  /**
   * Slice selection, maps and per-voxel features of the tumour alone.
   *
   * @param image calibrated intensities
   * @param tumour tumour ROI on the image grid
   * @param settings map settings and slice choice ({@code ringMm} ignored)
   * @param notes receives notes
   * @throws IllegalArgumentException for an empty ROI or no finite map feature
   */
  public static CasePipeline.HabitatInputs prepare(Volume image, Mask tumour,
      CasePipeline.Settings settings, List<String> notes, Progress progress) {
    return CasePipeline.habitatInputs(image, tumour, Mask.empty(tumour.geometry()), settings,
        notes, progress);
  }

  /**
   * Clusters prepared inputs.
   *
   * @param options standardisation, K-means (K or K selection, seed, restarts) and ITH options
   *     (their connectivity also counts the regions of the table)
   * @throws IllegalArgumentException when there are fewer distinct feature vectors than K
   */
  public static Result cluster(CasePipeline.HabitatInputs in, IthPipeline.Options options,
      List<String> notes, Progress progress) {
    IthPipeline.Result r = IthPipeline.run(in.tumourFeatures(), null, options, progress);
    List<HabitatMap.HabitatStats> table = r.tumourMap().table(options.ith().connectivity(),
        in.tumourFeatures());
    return new Result(in, r, table, List.copyOf(notes));
  }

  /**
   * Maps and habitats in one go, with {@code settings.habitats()} as clustering options.
   *
   * @throws IllegalArgumentException for an unusable ROI or setting
   */
  public static Result run(Volume image, Mask tumour, CasePipeline.Settings settings,
      Progress progress) {
    List<String> notes = new ArrayList<>();
    CasePipeline.HabitatInputs in = prepare(image, tumour, settings, notes, progress);
    return cluster(in, settings.habitats(), notes, Progress.NONE);
  }

  /**
   * Habitats for each fixed K in [kMin, kMax] on the same maps, with the same seed and restarts
   * for every K (for choosing K by eye).
   *
   * @param options standardisation, K-means options (their K and K selection are replaced) and ITH
   *     options
   * @return one result per K, ascending
   * @throws IllegalArgumentException when {@code kMin < 2} or {@code kMax < kMin}, or there are
   *     fewer distinct feature vectors than a K
   */
  public static List<Result> kSweep(CasePipeline.HabitatInputs in, IthPipeline.Options options,
      int kMin, int kMax, List<String> notes, Progress progress) {
    if (kMin < 2 || kMax < kMin) {
      throw new IllegalArgumentException("K range must satisfy 2 <= K min <= K max, got "
          + kMin + ".." + kMax);
    }
    List<Result> out = new ArrayList<>();
    HabitatClustering.Options c = options.clustering()
        .withSelection(HabitatClustering.KSelection.FIXED, kMin, kMax);
    for (int k = kMin; k <= kMax; k++) {
      progress.checkCanceled();
      progress.status("Habitats: K = " + k);
      IthPipeline.Options o = new IthPipeline.Options(options.standardization(), c.withK(k),
          options.ith());
      out.add(cluster(in, o, notes, Progress.NONE));
      progress.fraction((k - kMin + 1.0) / (kMax - kMin + 1));
    }
    return out;
  }
}
