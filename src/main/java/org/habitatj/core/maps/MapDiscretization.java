package org.habitatj.core.maps;

/** When grey levels are discretised for a feature map. */
public enum MapDiscretization {
  /**
   * PyRadiomics voxel-based mode: intensities are discretised once, before the kernel loop, over
   * the whole ROI (masked kernel) or over the ROI bounding box ± kernel radius clipped at the image
   * border (unmasked kernel). Every window shares these bin edges and the global number of grey
   * levels Ng (the highest level in that region) as its matrix size (case C11, pyradiomics #614).
   */
  WHOLE_ROI_ONCE,
  /**
   * ITHscore package mode: each window is a separate PyRadiomics run. Bin edges are computed from
   * the window's own voxels and Ng is the highest level present in the window.
   */
  PER_WINDOW
}
