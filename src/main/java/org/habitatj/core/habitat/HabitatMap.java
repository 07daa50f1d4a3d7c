package org.habitatj.core.habitat;

import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.ith.Connectivity;
import org.habitatj.core.ith.ConnectedComponents;

/**
 * A habitat label image: one byte per voxel on a {@link Geometry}, x fastest, 0 outside the
 * clustered region and 1..K for the habitats (canonical numbering of {@link HabitatClustering}).
 */
public final class HabitatMap {

  /** Largest K a map can hold. */
  public static final int MAX_K = 127;

  private final Geometry geometry;
  private final byte[] labels;
  private final int k;

  /**
   * @param labels 0..k per voxel, x fastest (not copied)
   * @throws IllegalArgumentException if the length or a label is out of range
   */
  public HabitatMap(Geometry geometry, byte[] labels, int k) {
    if (labels.length != geometry.voxelCount()) {
      throw new IllegalArgumentException("habitat map has " + labels.length
          + " voxels but the geometry has " + geometry.voxelCount());
    }
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("K must be in 1.." + MAX_K + ", got " + k);
    }
    for (byte b : labels) {
      if (b < 0 || b > k) {
        throw new IllegalArgumentException("habitat label " + b + " outside 0.." + k);
      }
    }
    this.geometry = geometry;
    this.labels = labels;
    this.k = k;
  }

  /**
   * Pastes per-voxel habitats into a map.
   *
   * @param voxels linear voxel indices
   * @param habitat habitat 1..k of each voxel
   */
  public static HabitatMap of(Geometry geometry, int[] voxels, int[] habitat, int k) {
    byte[] l = new byte[Math.toIntExact(geometry.voxelCount())];
    for (int i = 0; i < voxels.length; i++) {
      l[voxels[i]] = (byte) habitat[i];
    }
    return new HabitatMap(geometry, l, k);
  }

  public Geometry geometry() {
    return geometry;
  }

  /** Labels, x fastest (not a copy; do not modify). */
  public byte[] labels() {
    return labels;
  }

  /** Number of habitats K. */
  public int k() {
    return k;
  }

  /** The labels as ints (0 outside). */
  public int[] labelsAsInt() {
    int[] l = new int[labels.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = labels[i];
    }
    return l;
  }

  /** The voxels of habitat {@code h} as a mask. */
  public Mask habitatMask(int h) {
    byte[] m = new byte[labels.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) (labels[i] == h ? 1 : 0);
    }
    return new Mask(m, geometry);
  }

  /** The map with every voxel outside {@code mask} set to 0 (same K). */
  public HabitatMap restrictTo(Mask mask) {
    if (!geometry.sameGrid(mask.geometry())) {
      throw new IllegalArgumentException("mask is on another grid: " + mask.geometry().describe()
          + " vs habitat map " + geometry.describe());
    }
    byte[] l = new byte[labels.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = mask.contains(i) ? labels[i] : 0;
    }
    return new HabitatMap(geometry, l, k);
  }

  /**
   * One row of the per-habitat table.
   *
   * @param habitat 1..K
   * @param voxels voxels
   * @param volumeMm3 voxels × voxel volume (mm³)
   * @param fraction voxels / all labelled voxels
   * @param regions connected regions (no pruning)
   * @param largestRegion voxels of the largest region
   * @param featureMeans mean of each feature over the habitat's voxels ({@code null} without
   *     features)
   */
  public record HabitatStats(int habitat, int voxels, double volumeMm3, double fraction,
      int regions, int largestRegion, double[] featureMeans) {}

  /**
   * Per-habitat statistics.
   *
   * @param connectivity neighbourhood for regions
   * @param features feature values to average per habitat (voxels outside the map are ignored), or
   *     {@code null}
   * @return one row per habitat 1..K (a habitat with no voxel has zeros and NaN means)
   */
  public List<HabitatStats> table(Connectivity connectivity, VoxelFeatures features) {
    int[] s = geometry.size();
    ConnectedComponents cc = ConnectedComponents.label(labelsAsInt(), s[0], s[1], s[2],
        connectivity);
    int[] count = new int[k + 1];
    int total = 0;
    for (byte b : labels) {
      if (b > 0) {
        count[b]++;
        total++;
      }
    }
    int[] regions = new int[k + 1];
    int[] largest = new int[k + 1];
    for (int id = 1; id <= cc.count(); id++) {
      int h = cc.labelOf(id);
      regions[h]++;
      largest[h] = Math.max(largest[h], cc.size(id));
    }
    double[][] means = null;
    if (features != null) {
      int nf = features.featureCount();
      means = new double[k + 1][nf];
      int[] n = new int[k + 1];
      int[] vox = features.voxels();
      for (int v = 0; v < vox.length; v++) {
        int h = labels[vox[v]];
        if (h > 0) {
          n[h]++;
          for (int f = 0; f < nf; f++) {
            means[h][f] += features.columns()[f][v];
          }
        }
      }
      for (int h = 1; h <= k; h++) {
        for (int f = 0; f < nf; f++) {
          means[h][f] = n[h] == 0 ? Double.NaN : means[h][f] / n[h];
        }
      }
    }
    List<HabitatStats> rows = new ArrayList<>();
    for (int h = 1; h <= k; h++) {
      rows.add(new HabitatStats(h, count[h], count[h] * geometry.voxelVolume(),
          total == 0 ? 0 : (double) count[h] / total, regions[h], largest[h],
          means == null ? null : means[h]));
    }
    return rows;
  }
}
