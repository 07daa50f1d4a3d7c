package org.habitatj.core.ith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * The ITH score of a habitat label map (Li J. et al., "Intratumoral heterogeneity score", Eur
 * Radiol 2023; reference implementation {@code ITHscore.calITHscore}, LiJiaqi96/ITHscore a2ff9d7).
 *
 * <p>For each habitat (non-zero label) i, its connected regions are found with the chosen {@link
 * Connectivity}; regions of at most {@code t} voxels are dropped; with A<sub>i</sub> the largest
 * remaining region and n<sub>i</sub> the number of remaining regions,
 *
 * <pre>  ITH = 1 − (1/S) Σ<sub>i</sub> A<sub>i</sub> / n<sub>i</sub></pre>
 *
 * where S is the number of tumour voxels (all non-zero labels, before pruning). A habitat left with
 * no region contributes nothing. Label 0 is the background and never a habitat, whatever labels are
 * present (unlike the reference, which drops the first unique label and so silently loses habitat
 * 1 when a map has no 0; case C18 (i)). The score does not depend on the label numbers.
 *
 * <p>Pruning rule of the package: with S ≤ {@code minArea} (default 200) regions of ≤ {@code
 * smallTumourPruneSize} (default 1) voxels are dropped, otherwise regions of ≤ {@code pruneSize}
 * (the package hard-codes 1) voxels; at the defaults this is "drop 1-voxel regions". Size 0 means no
 * pruning.
 *
 * <p>Dimensionality: with {@link Connectivity#FOUR}/{@link Connectivity#EIGHT} regions are 2D and
 * each z slice is labelled on its own (on the one largest-area slice this is exactly the package's
 * definition; on several slices it is HabitatJ's slice-wise generalisation: regions of all slices
 * together, S = all tumour voxels). With {@link Connectivity#SIX}/{@link Connectivity#TWENTY_SIX}
 * regions are 3D (HabitatJ's 3D mode). The label map is a plain array, so a tumour touching the
 * image border needs no padding or cropping (case C18 L5).
 */
public final class IthScore {

  /** Options; immutable. */
  public static final class Options {
    /** The ITHscore package defaults: 8-connectivity, drop 1-pixel regions. */
    public static final Options ITHSCORE_DEFAULT = new Options(Connectivity.EIGHT, 1, 200, 1);

    private final Connectivity connectivity;
    private final int pruneSize;
    private final int minArea;
    private final int smallTumourPruneSize;

    /**
     * @param connectivity neighbourhood for regions
     * @param pruneSize regions of at most this many voxels are dropped (0 = keep all) when S &gt;
     *     minArea
     * @param minArea tumour size (voxels) up to which {@code smallTumourPruneSize} applies instead
     * @param smallTumourPruneSize pruning size for tumours of at most minArea voxels
     * @throws IllegalArgumentException on a negative size
     */
    public Options(Connectivity connectivity, int pruneSize, int minArea,
        int smallTumourPruneSize) {
      if (connectivity == null) {
        throw new IllegalArgumentException("connectivity must be given");
      }
      if (pruneSize < 0 || minArea < 0 || smallTumourPruneSize < 0) {
        throw new IllegalArgumentException("pruning sizes and minArea must be >= 0");
      }
      this.connectivity = connectivity;
      this.pruneSize = pruneSize;
      this.minArea = minArea;
      this.smallTumourPruneSize = smallTumourPruneSize;
    }

    /** Package defaults with another connectivity. */
    public static Options of(Connectivity connectivity) {
      return new Options(connectivity, 1, 200, 1);
    }

    /** The same options without any pruning. */
    public Options withoutPruning() {
      return new Options(connectivity, 0, minArea, 0);
    }

    /** The same options with pruning on (package rule, 1 voxel) or off. */
    public Options withPruning(boolean on) {
      return on ? new Options(connectivity, 1, minArea, 1) : withoutPruning();
    }

    public Options withConnectivity(Connectivity c) {
      return new Options(c, pruneSize, minArea, smallTumourPruneSize);
    }

    public Connectivity connectivity() {
      return connectivity;
    }

    /** The pruning size that applies to a tumour of {@code s} voxels. */
    public int pruneSizeFor(int s) {
      return s <= minArea ? smallTumourPruneSize : pruneSize;
    }

    /**
     * The options with named fields, for settings.json: {@code connectivity} (EIGHT, ...), {@code
     * prune_size} (regions of at most this many voxels are dropped, 0 = none), {@code min_area}
     * (tumour size S in voxels up to which {@code small_tumour_prune_size} applies instead of
     * {@code prune_size}), {@code small_tumour_prune_size}.
     */
    public java.util.Map<String, Object> toMap() {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("connectivity", connectivity.name());
      m.put("prune_size", pruneSize);
      m.put("min_area", minArea);
      m.put("small_tumour_prune_size", smallTumourPruneSize);
      return m;
    }

    @Override
    public String toString() {
      return "connectivity=" + connectivity + ", pruneSize=" + pruneSize + ", minArea=" + minArea
          + ", smallTumourPruneSize=" + smallTumourPruneSize;
    }
  }

  /**
   * Region statistics of one habitat.
   *
   * @param label habitat label value
   * @param voxels voxels of the habitat
   * @param regions connected regions before pruning
   * @param keptRegions regions left after pruning (n<sub>i</sub>)
   * @param largestRegion largest region, voxels (A<sub>i</sub>; 0 when none is left)
   */
  public record HabitatRegions(int label, int voxels, int regions, int keptRegions,
      int largestRegion) {
    /** A<sub>i</sub>/n<sub>i</sub>, or 0 when no region is left. */
    public double contribution() {
      return keptRegions == 0 ? 0 : (double) largestRegion / keptRegions;
    }
  }

  /**
   * A score with its inputs.
   *
   * @param score the ITH score in [0, 1)
   * @param tumourVoxels S
   * @param habitats per habitat, by ascending label
   * @param options options used
   */
  public record Result(double score, int tumourVoxels, List<HabitatRegions> habitats,
      Options options) {}

  private IthScore() {}

  /**
   * Computes the ITH score of a label map.
   *
   * @param labels habitat label per voxel, x fastest (0 = outside the tumour); not modified
   * @param nx size along x (voxels)
   * @param ny size along y
   * @param nz size along z (1 for one slice)
   * @param options connectivity and pruning
   * @return the score and per-habitat region statistics
   * @throws IllegalArgumentException if the size does not match or the map has no tumour voxel
   */
  public static Result compute(int[] labels, int nx, int ny, int nz, Options options) {
    ConnectedComponents cc = ConnectedComponents.label(labels, nx, ny, nz,
        options.connectivity());
    int s = 0;
    TreeMap<Integer, int[]> perLabel = new TreeMap<>(); // voxels, regions, kept, largest
    for (int l : labels) {
      if (l != 0) {
        s++;
        perLabel.computeIfAbsent(l, k -> new int[4])[0]++;
      }
    }
    if (s == 0) {
      throw new IllegalArgumentException("the habitat label map has no tumour voxel (all 0)");
    }
    int prune = options.pruneSizeFor(s);
    for (int id = 1; id <= cc.count(); id++) {
      int[] st = perLabel.get(cc.labelOf(id));
      st[1]++;
      int size = cc.size(id);
      if (size > prune) {
        st[2]++;
        st[3] = Math.max(st[3], size);
      }
    }
    List<HabitatRegions> hs = new ArrayList<>();
    double sum = 0;
    for (var e : perLabel.entrySet()) {
      int[] st = e.getValue();
      HabitatRegions h = new HabitatRegions(e.getKey(), st[0], st[1], st[2], st[3]);
      hs.add(h);
      sum += h.contribution();
    }
    return new Result(1.0 - sum / s, s, Collections.unmodifiableList(hs), options);
  }

  /** {@link #compute} with the package defaults (8-connectivity, 1-pixel regions dropped). */
  public static double score(int[] labels, int nx, int ny, int nz) {
    return compute(labels, nx, ny, nz, Options.ITHSCORE_DEFAULT).score();
  }
}
