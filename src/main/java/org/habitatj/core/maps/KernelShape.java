package org.habitatj.core.maps;

/** Shape of the sliding window of a feature map. */
public enum KernelShape {
  /**
   * Cube (box) of half-widths (rx, ry, rz) voxels around the centre voxel: side 2r+1 along each
   * axis (PyRadiomics voxel-based {@code kernelRadius}).
   */
  CUBE_3D,
  /**
   * Square of half-widths (rx, ry) in the centre voxel's slice only (rz = 0): per-slice 2D maps,
   * as in the ITHscore package and in PyRadiomics with a one-slice input.
   */
  SQUARE_2D
}
