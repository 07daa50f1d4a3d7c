package org.habitatj.core.features;

/**
 * Grey levels of an ROI after discretisation, on the ROI's bounding box (or on a kernel window):
 * the common input of every texture family (GLCM, GLRLM, GLSZM, GLDM, NGTDM).
 *
 * <p>{@code levels[x + sx·(y + sy·z)]} is 0 for voxels outside the ROI and 1..{@code ng} inside.
 * {@code ng} is the number of grey levels of the discretisation (the matrix size), which may be
 * larger than the highest level present: PyRadiomics uses the highest level present in the ROI as
 * Ng for whole-ROI matrices, and the global Ng for every kernel in voxel mode.
 *
 * @param size box size (x, y, z) in voxels
 * @param levels grey level per box voxel, x fastest; 0 = not in the ROI (not copied)
 * @param ng number of grey levels (≥ 1)
 * @param spacing voxel spacing (x, y, z) in mm
 */
public record DiscretizedRoi(int[] size, int[] levels, int ng, double[] spacing) {

  public DiscretizedRoi {
    if (size.length != 3) {
      throw new IllegalArgumentException("size must be (x, y, z)");
    }
    if (levels.length != size[0] * size[1] * size[2]) {
      throw new IllegalArgumentException(
          "levels has " + levels.length + " entries for a box of " + size[0] + "×" + size[1] + "×"
              + size[2]);
    }
    if (ng < 1) {
      throw new IllegalArgumentException("ng must be >= 1, got " + ng);
    }
  }

  public int index(int x, int y, int z) {
    return x + size[0] * (y + size[1] * z);
  }
}
