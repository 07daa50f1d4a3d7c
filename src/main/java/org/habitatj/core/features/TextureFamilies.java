package org.habitatj.core.features;

import java.util.List;

/** The five texture families in PyRadiomics' default order. */
public final class TextureFamilies {

  /** PyRadiomics class names: glcm, glrlm, glszm, gldm, ngtdm. */
  public static final List<String> NAMES = List.of("glcm", "glrlm", "glszm", "gldm", "ngtdm");

  private TextureFamilies() {}

  /**
   * A new instance of the named family.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static FeatureFamily byName(String name) {
    return switch (name) {
      case "glcm" -> new Glcm();
      case "glrlm" -> new Glrlm();
      case "glszm" -> new Glszm();
      case "gldm" -> new Gldm();
      case "ngtdm" -> new Ngtdm();
      default -> throw new IllegalArgumentException("unknown texture family: " + name);
    };
  }
}
