package org.habitatj.core.maps;

import org.habitatj.core.features.TextureFamilies;

/** Factory of the calculator of each map family. */
final class WindowCalculators {
  private WindowCalculators() {}

  /** Whether a map calculator exists for this class name. */
  static boolean available(String family) {
    try {
      forFamily(family, MapDiscretization.WHOLE_ROI_ONCE);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static WindowCalculator forFamily(String family, MapDiscretization mode) {
    return forFamily(family, mode, java.util.List.of());
  }

  /** @param names the features that will be output (empty = all), to skip unwanted costly ones */
  static WindowCalculator forFamily(String family, MapDiscretization mode, java.util.List<String> names) {
    switch (family) {
      case "shape":
        return new ShapeWindowCalculator();
      case "firstorder":
        return new FirstOrderWindowCalculator();
      case "glcm":
        return new GlcmWindowCalculator(mode, names.isEmpty() || names.contains("MCC"));
      case "glrlm":
      case "glszm":
      case "gldm":
      case "ngtdm":
        return new FamilyWindowCalculator(TextureFamilies.byName(family));
      default:
        throw new IllegalArgumentException(
            "no feature-map calculator for class '" + family + "'; available: "
                + "firstorder, glcm, glrlm, glszm, gldm, ngtdm");
    }
  }
}
