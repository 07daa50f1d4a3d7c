package org.habitatj.core.maps;

import java.util.Arrays;
import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.image.Geometry;

/**
 * Result of a feature-map computation: one map per feature on the input grid, NaN outside the
 * ROI (never 0).
 *
 * <p>Storage: the engine stores the values of the mapped (ROI) voxels only ({@link #roiVoxels()},
 * {@link #roiValues(int)}); a full-grid array ({@link #map(int)}, {@link #maps()}) is built on
 * first request (NaN outside the ROI) and kept. Callers that only read ROI voxels (habitats, voxel
 * tables) use {@link #valuesAt} and never pay for the full grid (a 256×256×25 grid is 1.6 M voxels
 * per map against a few thousand ROI voxels).
 */
public final class FeatureMaps {

  private final Geometry geometry;
  private final List<FeatureInfo> features;
  private final int[] radiusVoxels;
  private final double[] radiusMm;
  private final String description;
  /** Ascending full-grid indices of the mapped voxels; null when built from full-grid arrays. */
  private final int[] voxels;
  /** {@code values[f][k]}: feature f at voxel {@code voxels[k]}; null for full-grid input. */
  private final float[][] values;
  /** Full-grid maps, filled on demand (guarded by this). */
  private final float[][] full;

  /**
   * Maps given on the full grid.
   *
   * @param geometry the input image grid (size, spacing, origin, direction) of every map
   * @param features the features, in map order
   * @param maps {@code maps[f][x + sx·(y + sy·z)]}: feature f at voxel (x, y, z); NaN outside the
   *     ROI, never 0 (kept, not copied)
   * @param radiusVoxels kernel half-width (x, y, z) in voxels actually used
   * @param radiusMm kernel half-width (x, y, z) in mm ({@code radiusVoxels · spacing})
   * @param description human-readable kernel/discretisation description for logs and headers
   * @throws IllegalArgumentException if the number of maps differs from the number of features
   */
  public FeatureMaps(
      Geometry geometry,
      List<FeatureInfo> features,
      float[][] maps,
      int[] radiusVoxels,
      double[] radiusMm,
      String description) {
    this(geometry, features, null, null, maps, radiusVoxels, radiusMm, description);
  }

  private FeatureMaps(
      Geometry geometry,
      List<FeatureInfo> features,
      int[] voxels,
      float[][] values,
      float[][] full,
      int[] radiusVoxels,
      double[] radiusMm,
      String description) {
    this.geometry = geometry;
    this.features = List.copyOf(features);
    this.voxels = voxels;
    this.values = values;
    this.full = full != null ? full : new float[features.size()][];
    if (this.full.length != features.size()) {
      throw new IllegalArgumentException(
          this.full.length + " maps for " + features.size() + " features");
    }
    this.radiusVoxels = radiusVoxels;
    this.radiusMm = radiusMm;
    this.description = description;
  }

  /**
   * Maps given at the mapped voxels only (the engine's storage).
   *
   * @param voxels ascending linear indices {@code x + sx·(y + sy·z)} of the mapped voxels (kept)
   * @param values {@code values[f][k]}: feature f at {@code voxels[k]} (kept)
   * @throws IllegalArgumentException if the arrays do not match
   */
  static FeatureMaps ofRoi(
      Geometry geometry,
      List<FeatureInfo> features,
      int[] voxels,
      float[][] values,
      int[] radiusVoxels,
      double[] radiusMm,
      String description) {
    if (values.length != features.size()) {
      throw new IllegalArgumentException(
          values.length + " maps for " + features.size() + " features");
    }
    for (float[] v : values) {
      if (v.length != voxels.length) {
        throw new IllegalArgumentException(v.length + " values for " + voxels.length + " voxels");
      }
    }
    return new FeatureMaps(
        geometry, features, voxels, values, null, radiusVoxels, radiusMm, description);
  }

  /** The input image grid (size, spacing, origin, direction) of every map. */
  public Geometry geometry() {
    return geometry;
  }

  /** The features, in map order. */
  public List<FeatureInfo> features() {
    return features;
  }

  /** Kernel half-width (x, y, z) in voxels actually used. */
  public int[] radiusVoxels() {
    return radiusVoxels;
  }

  /** Kernel half-width (x, y, z) in mm ({@code radiusVoxels · spacing}). */
  public double[] radiusMm() {
    return radiusMm;
  }

  /** Human-readable kernel/discretisation description for logs and headers. */
  public String description() {
    return description;
  }

  /** Number of maps (= features). */
  public int count() {
    return features.size();
  }

  /**
   * All maps on the full grid, {@code maps()[f][x + sx·(y + sy·z)]}, NaN outside the ROI. Built on
   * first call (one float array of the grid size per feature) and kept; do not modify.
   */
  public float[][] maps() {
    float[][] out = new float[full.length][];
    for (int f = 0; f < full.length; f++) {
      out[f] = map(f);
    }
    return out;
  }

  /**
   * The full-grid map of feature {@code f} (index in {@link #features()}), NaN outside the ROI;
   * built on first call and kept; do not modify.
   */
  public synchronized float[] map(int f) {
    float[] m = full[f];
    if (m == null) {
      m = new float[Math.toIntExact(geometry.voxelCount())];
      Arrays.fill(m, Float.NaN);
      float[] v = values[f];
      for (int k = 0; k < voxels.length; k++) {
        m[voxels[k]] = v[k];
      }
      full[f] = m;
    }
    return m;
  }

  /**
   * The full-grid map of the feature with this PyRadiomics name, e.g. {@code
   * original_glcm_Contrast} (built on first call, see {@link #map(int)}).
   *
   * @throws IllegalArgumentException if there is no such map
   */
  public float[] map(String pyradiomicsName) {
    return map(indexOf(pyradiomicsName));
  }

  /**
   * Index of the feature with this PyRadiomics name.
   *
   * @throws IllegalArgumentException if there is none
   */
  public int indexOf(String pyradiomicsName) {
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).pyradiomicsName().equals(pyradiomicsName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no map named " + pyradiomicsName);
  }

  /**
   * Values of feature {@code f} at the given voxels (linear indices on the grid, any order), NaN
   * where the map is NaN (outside the ROI). Does not build the full-grid map.
   *
   * @throws IndexOutOfBoundsException if an index is outside the grid
   */
  public double[] valuesAt(int f, int[] voxelIndices) {
    double[] out = new double[voxelIndices.length];
    float[] m;
    synchronized (this) {
      m = full[f];
    }
    long n = geometry.voxelCount();
    if (m != null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = m[voxelIndices[i]];
      }
      return out;
    }
    float[] v = values[f];
    for (int i = 0; i < out.length; i++) {
      int gi = voxelIndices[i];
      if (gi < 0 || gi >= n) {
        throw new IndexOutOfBoundsException("voxel index " + gi + " outside the grid of " + n);
      }
      int pos = Arrays.binarySearch(voxels, gi);
      out[i] = pos >= 0 ? v[pos] : Double.NaN;
    }
    return out;
  }

  /**
   * A new full-grid array of feature {@code f} ({@code x + sx·(y + sy·z)}, NaN outside the ROI),
   * not kept (unlike {@link #map(int)}): for writing one map at a time without holding them all.
   */
  public float[] newGridArray(int f) {
    float[] m;
    synchronized (this) {
      m = full[f];
    }
    if (m != null) {
      return m.clone();
    }
    m = new float[Math.toIntExact(geometry.voxelCount())];
    Arrays.fill(m, Float.NaN);
    float[] v = values[f];
    for (int k = 0; k < voxels.length; k++) {
      m[voxels[k]] = v[k];
    }
    return m;
  }

  /**
   * Inclusive bounding box {x0, y0, z0, x1, y1, z1} (voxel indices on {@link #geometry()}) of the
   * mapped voxels (for maps given on the full grid: of the voxels where any map is not NaN), or
   * null when there are none.
   */
  public int[] mappedBox() {
    int[] s = geometry.size();
    int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
    int[] idx = mappedIndices();
    for (int gi : idx) {
      int x = gi % s[0];
      int y = (gi / s[0]) % s[1];
      int z = gi / (s[0] * s[1]);
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.min(b[2], z);
      b[3] = Math.max(b[3], x);
      b[4] = Math.max(b[4], y);
      b[5] = Math.max(b[5], z);
    }
    return b[3] < 0 ? null : b;
  }

  /**
   * These maps on the bounding box of the mapped voxels ({@link #mappedBox()}) widened by the
   * kernel radius along each axis ({@link #radiusVoxels()}) and clipped to the grid: the extent of
   * PyRadiomics' voxel-based output, which crops the image to the mask's bounding box padded by
   * {@code kernelRadius} ({@code imageoperations.cropToTumorMask}; PyRadiomics pads z by the same
   * radius even for a 2D kernel, HabitatJ by the kernel's own z radius, 0 for a 2D kernel). Same
   * spacing and direction, origin moved to the box's first voxel ({@link Geometry#subGrid}), so
   * world positions are unchanged; same values, NaN in the padding.
   *
   * @throws IllegalStateException if no voxel is mapped
   */
  public FeatureMaps croppedToRoiBox() {
    int[] b = mappedBox();
    if (b == null) {
      throw new IllegalStateException("no mapped voxels to crop to");
    }
    int[] s = geometry.size();
    for (int a = 0; a < 3; a++) {
      int r = radiusVoxels == null ? 0 : radiusVoxels[a];
      b[a] = Math.max(0, b[a] - r);
      b[a + 3] = Math.min(s[a] - 1, b[a + 3] + r);
    }
    int[] sub = {b[3] - b[0] + 1, b[4] - b[1] + 1, b[5] - b[2] + 1};
    int[] idx = mappedIndices();
    int[] local = new int[idx.length];
    float[][] vals = new float[features.size()][idx.length];
    for (int k = 0; k < idx.length; k++) {
      int gi = idx[k];
      int x = gi % s[0] - b[0];
      int y = (gi / s[0]) % s[1] - b[1];
      int z = gi / (s[0] * s[1]) - b[2];
      local[k] = x + sub[0] * (y + sub[1] * z); // ascending: the same x-fastest order
    }
    for (int f = 0; f < vals.length; f++) {
      if (values != null) {
        System.arraycopy(values[f], 0, vals[f], 0, idx.length);
      } else {
        float[] m = full[f];
        for (int k = 0; k < idx.length; k++) {
          vals[f][k] = m[idx[k]];
        }
      }
    }
    return ofRoi(geometry.subGrid(b[0], b[1], b[2], sub), features, local, vals, radiusVoxels,
        radiusMm, description);
  }

  /** Ascending grid indices of the mapped voxels (for full-grid maps: not NaN in any map). */
  private int[] mappedIndices() {
    if (voxels != null) {
      return voxels;
    }
    int n = Math.toIntExact(geometry.voxelCount());
    int[] tmp = new int[n];
    int c = 0;
    for (int i = 0; i < n; i++) {
      for (float[] m : full) {
        if (!Float.isNaN(m[i])) {
          tmp[c++] = i;
          break;
        }
      }
    }
    return Arrays.copyOf(tmp, c);
  }

  /**
   * Ascending linear indices of the mapped (ROI) voxels, or null for maps given on the full grid
   * (then use {@link #map(int)}). Not a copy: do not modify.
   */
  public int[] roiVoxels() {
    return voxels;
  }

  /**
   * Values of feature {@code f} at {@link #roiVoxels()} (same order), or null for maps given on the
   * full grid. Not a copy: do not modify.
   */
  public float[] roiValues(int f) {
    return values == null ? null : values[f];
  }
}
