package org.habitatj.core.maps;

/** Factory of the calculator of each map family. */
final class WindowCalculators {
  private WindowCalculators() {}

  static WindowCalculator forFamily(String family, MapDiscretization mode) {
    switch (family) {
      default:
        throw new IllegalArgumentException(
            "no feature-map calculator for class '" + family + "' (yet); available: "
                + "firstorder, glcm, glrlm, glszm, gldm, ngtdm");
    }
  }
}
