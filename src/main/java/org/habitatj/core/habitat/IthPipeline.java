package org.habitatj.core.habitat;

import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.ith.CombinedIthScore;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.progress.Progress;

/**
 * From per-voxel features to habitat maps and ITH scores: standardise → seeded K-means → habitat
 * map → ITH score, for the tumour alone, and for tumour ∪ peritumoral ring jointly (combined and
 * ring-only ITH scores, {@link CombinedIthScore}).
 *
 * <p>Standardisation is done per clustering, across the voxels being clustered (tumour alone, or
 * the union). The ITH scores are computed on the bounding box of the labelled voxels (the result is
 * the same as on the full grid: regions never wrap around, case C18 L5).
 *
 * <p>The ITHscore package works on the largest-area slice only; {@link #largestAreaSlice(Mask)}
 * gives that slice (first maximum, as {@code np.argmax}) and {@link #slice(Mask, int)} the mask of
 * that slice alone.
 */
public final class IthPipeline {

  /**
   * Options.
   *
   * @param standardization feature standardisation
   * @param clustering K-means options (seed included)
   * @param ith ITH score options (connectivity, pruning)
   */
  public record Options(FeatureStandardizer.Method standardization,
      HabitatClustering.Options clustering, IthScore.Options ith) {
    /** Min–max, K = 6 with 20 restarts and seed 0, 8-connectivity with 1-pixel regions dropped. */
    public static final Options DEFAULT = new Options(FeatureStandardizer.Method.MIN_MAX,
        HabitatClustering.Options.DEFAULT, IthScore.Options.ITHSCORE_DEFAULT);
  }

  /**
   * Results.
   *
   * @param tumourMap habitats of the tumour clustered alone
   * @param tumourClustering its clustering (K, WCSS, K curve, seed)
   * @param tumourIth the ITH score of the tumour
   * @param jointMap habitats of tumour ∪ ring clustered jointly ({@code null} without ring)
   * @param jointClustering its clustering ({@code null} without ring)
   * @param combined combined, ring-only and tumour-part scores ({@code null} without ring)
   */
  public record Result(HabitatMap tumourMap, HabitatClustering.Result tumourClustering,
      IthScore.Result tumourIth, HabitatMap jointMap, HabitatClustering.Result jointClustering,
      CombinedIthScore.Result combined) {}

  private IthPipeline() {}

  /**
   * Runs the chain.
   *
   * @param tumour features of the tumour voxels
   * @param ring features of the ring voxels (same grid and feature names), or {@code null} /
   *     empty for the tumour only
   * @param options options
   * @param progress progress and cancellation
   * @throws IllegalArgumentException on inconsistent inputs (grids, names, too few distinct
   *     vectors for K, non-finite features)
   */
  public static Result run(VoxelFeatures tumour, VoxelFeatures ring, Options options,
      Progress progress) {
    boolean withRing = ring != null && ring.voxelCount() > 0;
    progress.status("Habitats: tumour");
    Clustered t = clusterAndMap(tumour, options, progress.range(0, withRing ? 0.5 : 1));
    IthScore.Result tIth = score(t.map, options.ith());
    if (!withRing) {
      progress.fraction(1);
      return new Result(t.map, t.clustering, tIth, null, null, null);
    }
    progress.status("Habitats: tumour + ring");
    VoxelFeatures union = tumour.concat(ring);
    Clustered j = clusterAndMap(union, options, progress.range(0.5, 1));
    Geometry g = tumour.geometry();
    int[] bb = boundingBox(j.map);
    byte[] ringMask = new byte[Math.toIntExact(g.voxelCount())];
    for (int v : ring.voxels()) {
      ringMask[v] = 1;
    }
    int[] jl = crop(j.map.labelsAsInt(), g, bb);
    byte[] rm = cropBytes(ringMask, g, bb);
    CombinedIthScore.Result c = CombinedIthScore.compute(jl, rm, bb[3] - bb[0] + 1,
        bb[4] - bb[1] + 1, bb[5] - bb[2] + 1, options.ith());
    progress.fraction(1);
    return new Result(t.map, t.clustering, tIth, j.map, j.clustering, c);
  }

  private record Clustered(HabitatMap map, HabitatClustering.Result clustering) {}

  private static Clustered clusterAndMap(VoxelFeatures f, Options o, Progress p) {
    double[][] cols = FeatureStandardizer.standardize(f.columns(), o.standardization(),
        f.names());
    double[][] rows = FeatureStandardizer.transpose(cols);
    if (f.featureCount() == 0) {
      throw new IllegalArgumentException("no features to cluster");
    }
    HabitatClustering.Result r = HabitatClustering.cluster(rows, o.clustering(), p);
    return new Clustered(HabitatMap.of(f.geometry(), f.voxels(), r.labels(), r.k()), r);
  }

  /** ITH score of a habitat map, on the bounding box of its labelled voxels. */
  public static IthScore.Result score(HabitatMap map, IthScore.Options options) {
    int[] bb = boundingBox(map);
    return IthScore.compute(crop(map.labelsAsInt(), map.geometry(), bb), bb[3] - bb[0] + 1,
        bb[4] - bb[1] + 1, bb[5] - bb[2] + 1, options);
  }

  private static int[] boundingBox(HabitatMap map) {
    byte[] l = map.labels();
    byte[] m = new byte[l.length];
    for (int i = 0; i < l.length; i++) {
      m[i] = (byte) (l[i] != 0 ? 1 : 0);
    }
    int[] bb = new Mask(m, map.geometry()).boundingBox();
    if (bb == null) {
      throw new IllegalArgumentException("habitat map has no labelled voxel");
    }
    return bb;
  }

  private static int[] crop(int[] a, Geometry g, int[] bb) {
    int cx = bb[3] - bb[0] + 1;
    int cy = bb[4] - bb[1] + 1;
    int cz = bb[5] - bb[2] + 1;
    int[] o = new int[cx * cy * cz];
    for (int z = 0; z < cz; z++) {
      for (int y = 0; y < cy; y++) {
        System.arraycopy(a, g.index(bb[0], bb[1] + y, bb[2] + z), o, (z * cy + y) * cx, cx);
      }
    }
    return o;
  }

  private static byte[] cropBytes(byte[] a, Geometry g, int[] bb) {
    int cx = bb[3] - bb[0] + 1;
    int cy = bb[4] - bb[1] + 1;
    int cz = bb[5] - bb[2] + 1;
    byte[] o = new byte[cx * cy * cz];
    for (int z = 0; z < cz; z++) {
      for (int y = 0; y < cy; y++) {
        System.arraycopy(a, g.index(bb[0], bb[1] + y, bb[2] + z), o, (z * cy + y) * cx, cx);
      }
    }
    return o;
  }

  /**
   * Number of ROI voxels in each z slice.
   *
   * @return {@code areas[z]}
   */
  public static int[] sliceAreas(Mask m) {
    int[] s = m.geometry().size();
    int[] a = new int[s[2]];
    byte[] d = m.data();
    int nxy = s[0] * s[1];
    for (int z = 0; z < s[2]; z++) {
      int n = 0;
      for (int i = z * nxy; i < (z + 1) * nxy; i++) {
        n += d[i];
      }
      a[z] = n;
    }
    return a;
  }

  /**
   * The z slice with the most ROI voxels; on ties the first (lowest z), as {@code np.argmax}.
   *
   * @throws IllegalArgumentException if the mask is empty
   */
  public static int largestAreaSlice(Mask m) {
    int[] a = sliceAreas(m);
    int best = 0;
    for (int z = 1; z < a.length; z++) {
      if (a[z] > a[best]) {
        best = z;
      }
    }
    if (a[best] == 0) {
      throw new IllegalArgumentException("mask is empty: no largest-area slice");
    }
    return best;
  }

  /** The mask with every slice but {@code z} cleared (same geometry). */
  public static Mask slice(Mask m, int z) {
    int[] s = m.geometry().size();
    if (z < 0 || z >= s[2]) {
      throw new IllegalArgumentException("slice " + z + " outside 0.." + (s[2] - 1));
    }
    byte[] d = new byte[m.data().length];
    int nxy = s[0] * s[1];
    System.arraycopy(m.data(), z * nxy, d, z * nxy, nxy);
    return new Mask(d, m.geometry());
  }

}
