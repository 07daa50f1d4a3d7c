package org.habitatj.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.KernelShape;
import org.habitatj.core.settings.PyRadiomicsParams;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * The settings of Compute Feature Maps from its dialog values and an optional PyRadiomics
 * parameter file: what the file gives wins (PyRadiomics {@code voxelSetting} kernelRadius and
 * maskedKernel, {@code setting} force2D for an in-plane kernel as PyRadiomics builds it, and the
 * {@code featureClass} section); the dialog gives the rest, and a note names what the file
 * replaced.
 *
 * @param settings binning and kernel settings for {@link FeatureMapEngine}
 * @param shape the kernel shape
 * @param features the families/features chosen, or null to take the file's featureClass
 */
public record MapSettingsChoice(RadiomicsSettings settings, KernelShape shape,
    Map<String, List<String>> features) {

  /**
   * @param file the parsed parameter file, or null
   * @param binWidth dialog bin width (used without a file)
   * @param radius dialog kernel radius in voxels
   * @param masked dialog masked-kernel choice
   * @param square dialog 2D-square kernel choice
   * @param featureText dialog feature choice ({@link FeatureMapEngine#parseFeatures})
   * @param notes receives the note on values taken from the file
   * @throws IllegalArgumentException for an unknown feature class in {@code featureText}
   */
  public static MapSettingsChoice of(PyRadiomicsParams.Parsed file, double binWidth, int radius,
      boolean masked, boolean square, String featureText, List<String> notes) {
    RadiomicsSettings.Builder b =
        file != null ? file.settings().toBuilder() : RadiomicsSettings.builder().binWidth(binWidth);
    Map<String, List<String>> features = FeatureMapEngine.parseFeatures(featureText);
    List<String> fromFile = new ArrayList<>();
    if (file != null) {
      RadiomicsSettings f = file.settings();
      if (file.gives("kernelRadius")) {
        radius = f.kernelRadius();
        fromFile.add("kernelRadius " + radius);
      }
      if (file.gives("maskedKernel")) {
        masked = f.maskedKernel();
        fromFile.add("maskedKernel " + masked);
      }
      if (file.gives("force2D")) {
        square = f.force2D();
        fromFile.add("force2D " + square + " (" + (square ? "2D square" : "3D cube") + " kernel)");
      }
      if (file.gives("featureClass")) {
        features = null;
        List<String> fc = new ArrayList<>();
        f.enabledFeatures().forEach((k, v) -> fc.add(v.isEmpty() ? k : k + " " + v));
        fromFile.add("featureClass " + String.join(", ", fc));
      }
      if (!fromFile.isEmpty()) {
        notes.add("the settings file gives " + String.join(", ", fromFile)
            + "; the dialog's values for these are not used");
      }
    }
    return new MapSettingsChoice(b.kernelRadius(radius).maskedKernel(masked).build(),
        square ? KernelShape.SQUARE_2D : KernelShape.CUBE_3D, features);
  }
}
