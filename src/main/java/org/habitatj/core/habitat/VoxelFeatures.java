package org.habitatj.core.habitat;

import java.util.Arrays;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;

/**
 * Per-voxel feature values of a set of voxels: the input of habitat clustering (produced by the
 * sliding-window feature maps).
 *
 * <p>{@code voxels[v]} is the linear index (x fastest: {@code x + nx·(y + ny·z)}) in {@code
 * geometry} of voxel v; {@code columns[f][v]} is the value of feature f (named {@code names[f]},
 * e.g. {@code original_glcm_Contrast}) at that voxel. Arrays are not copied.
 */
public final class VoxelFeatures {

  private final Geometry geometry;
  private final int[] voxels;
  private final String[] names;
  private final double[][] columns;

  /**
   * @throws IllegalArgumentException if lengths disagree, a voxel index is outside the grid or
   *     repeated
   */
  public VoxelFeatures(Geometry geometry, int[] voxels, String[] names, double[][] columns) {
    if (names.length != columns.length) {
      throw new IllegalArgumentException(names.length + " feature names but " + columns.length
          + " feature columns");
    }
    for (int f = 0; f < columns.length; f++) {
      if (columns[f].length != voxels.length) {
        throw new IllegalArgumentException("feature '" + names[f] + "' has " + columns[f].length
            + " values but there are " + voxels.length + " voxels");
      }
    }
    long n = geometry.voxelCount();
    int[] sorted = voxels.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0 || sorted[i] >= n) {
        throw new IllegalArgumentException("voxel index " + sorted[i] + " is outside the grid ("
            + geometry.describe() + ")");
      }
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("voxel index " + sorted[i] + " is given twice");
      }
    }
    this.geometry = geometry;
    this.voxels = voxels;
    this.names = names;
    this.columns = columns;
  }

  /**
   * The values of feature maps at the voxels of a mask (in x-fastest order), named by their
   * PyRadiomics names (e.g. {@code original_glcm_Contrast}).
   *
   * @param maps maps on the full grid ({@link org.habitatj.core.maps.FeatureMaps})
   * @param mask the voxels to take (tumour or ring), on the same grid
   * @throws IllegalArgumentException if the grids differ
   */
  public static VoxelFeatures of(org.habitatj.core.maps.FeatureMaps maps, Mask mask) {
    if (!maps.geometry().sameGrid(mask.geometry())) {
      throw new IllegalArgumentException("feature maps and mask are on different grids: maps "
          + maps.geometry().describe() + "; mask " + mask.geometry().describe());
    }
    int n = mask.count();
    int[] vox = new int[n];
    byte[] m = mask.data();
    for (int i = 0, k = 0; i < m.length; i++) {
      if (m[i] != 0) {
        vox[k++] = i;
      }
    }
    int nf = maps.count();
    String[] names = new String[nf];
    double[][] cols = new double[nf][];
    for (int f = 0; f < nf; f++) {
      names[f] = maps.features().get(f).pyradiomicsName();
      cols[f] = maps.valuesAt(f, vox);
    }
    return new VoxelFeatures(mask.geometry(), vox, names, cols);
  }

  public Geometry geometry() {
    return geometry;
  }

  /** Linear voxel indices (not a copy). */
  public int[] voxels() {
    return voxels;
  }

  public String[] names() {
    return names;
  }

  /** {@code [feature][voxel]} (not a copy). */
  public double[][] columns() {
    return columns;
  }

  public int voxelCount() {
    return voxels.length;
  }

  public int featureCount() {
    return columns.length;
  }

  /**
   * The voxels of both sets (this first, then {@code other}).
   *
   * @throws IllegalArgumentException if grids or feature names differ, or a voxel is in both
   */
  public VoxelFeatures concat(VoxelFeatures other) {
    if (!geometry.sameGrid(other.geometry)) {
      throw new IllegalArgumentException("feature sets are on different grids: "
          + geometry.describe() + " vs " + other.geometry.describe());
    }
    if (!Arrays.equals(names, other.names)) {
      throw new IllegalArgumentException("feature sets have different feature names");
    }
    int n = voxels.length + other.voxels.length;
    int[] v = Arrays.copyOf(voxels, n);
    System.arraycopy(other.voxels, 0, v, voxels.length, other.voxels.length);
    double[][] c = new double[columns.length][];
    for (int f = 0; f < c.length; f++) {
      c[f] = Arrays.copyOf(columns[f], n);
      System.arraycopy(other.columns[f], 0, c[f], voxels.length, other.voxels.length);
    }
    return new VoxelFeatures(geometry, v, names, c);
  }
}
