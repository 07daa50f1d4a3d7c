package org.habitatj.core.features;

/**
 * Name metadata of one feature.
 *
 * @param family PyRadiomics class name, e.g. "glcm"
 * @param name PyRadiomics feature name, e.g. "Contrast"
 * @param ibsiCode IBSI identifier (e.g. "ACUI"), or "" where IBSI defines none
 */
public record FeatureInfo(String family, String name, String ibsiCode) {

  /** The PyRadiomics output column name, e.g. {@code original_glcm_Contrast}. */
  public String pyradiomicsName() {
    return "original_" + family + "_" + name;
  }
}
