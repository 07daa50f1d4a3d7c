package org.habitatj.core.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.habitatj.core.settings.RadiomicsSettings.Interpolator;
import org.habitatj.core.settings.RadiomicsSettings.ResegmentMode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a PyRadiomics parameter file (YAML with the sections {@code setting}, {@code featureClass},
 * {@code imageType}, {@code voxelSetting}) into {@link RadiomicsSettings}. Supported keys are
 * applied; unsupported keys, image types other than {@code Original}, and keys without effect here
 * are listed in {@link Parsed#warnings()}, each naming the key.
 */
public final class PyRadiomicsParams {

  private PyRadiomicsParams() {}

  /** Settings plus the warnings about what was not applied. */
  public record Parsed(RadiomicsSettings settings, List<String> warnings, Set<String> keys) {
    /** Settings and warnings, no record of the keys given. */
    public Parsed(RadiomicsSettings settings, List<String> warnings) {
      this(settings, warnings, Set.of());
    }

    /**
     * Whether the file gave this key: a {@code setting} or {@code voxelSetting} key such as
     * {@code kernelRadius}, {@code maskedKernel}, {@code force2D}, or the section name {@code
     * featureClass}.
     */
    public boolean gives(String key) {
      return keys.contains(key);
    }
  }

  /** Keys accepted without effect on the features (logged by PyRadiomics only). */
  private static final Set<String> NO_EFFECT =
      Set.of("additionalInfo", "enableCExtensions", "preCrop", "correctMask", "geometryTolerance");

  /**
   * @param file a PyRadiomics YAML parameter file
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the YAML is malformed or a value has the wrong type (the
   *     message names the file and key)
   */
  public static Parsed read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc;
      try {
        doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot parse YAML " + file + ": " + e.getMessage(), e);
      }
      try {
        return parse(doc, RadiomicsSettings.builder());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Parses YAML text (see {@link #read(Path)}). */
  public static Parsed parse(String yaml) {
    return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml),
        RadiomicsSettings.builder());
  }

  /**
   * Applies a parsed YAML document (a map with the PyRadiomics sections) on top of a builder.
   */
  @SuppressWarnings("unchecked")
  public static Parsed parse(Object doc, RadiomicsSettings.Builder b) {
    List<String> warnings = new ArrayList<>();
    if (doc == null) {
      return new Parsed(b.build(), warnings);
    }
    if (!(doc instanceof Map)) {
      throw new IllegalArgumentException("a PyRadiomics parameter file is a mapping of sections");
    }
    Map<String, Object> root = (Map<String, Object>) doc;
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (Map.Entry<String, Object> e : root.entrySet()) {
      switch (e.getKey()) {
        case "setting" -> {
          applySettings(asMap(e.getValue(), "setting"), b, warnings);
          keys.addAll(asMap(e.getValue(), "setting").keySet());
        }
        case "voxelSetting" -> {
          applyVoxelSettings(asMap(e.getValue(), "voxelSetting"), b, warnings);
          keys.addAll(asMap(e.getValue(), "voxelSetting").keySet());
        }
        case "featureClass" -> {
          keys.add("featureClass");
          LinkedHashMap<String, List<String>> fc = new LinkedHashMap<>();
          asMap(e.getValue(), "featureClass").forEach((k, v) -> {
            List<String> names = new ArrayList<>();
            if (v instanceof List<?> l) {
              for (Object o : l) {
                names.add(String.valueOf(o));
              }
            } else if (v != null) {
              names.add(String.valueOf(v));
            }
            if (!Set.of("shape", "shape2D", "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm")
                .contains(k)) {
              warnings.add("featureClass '" + k + "' is not supported; ignored");
            } else {
              fc.put(k, names);
            }
          });
          b.enabledFeatures(fc);
        }
        case "imageType" -> {
          Map<String, Object> it = asMap(e.getValue(), "imageType");
          for (Map.Entry<String, Object> t : it.entrySet()) {
            if (!t.getKey().equals("Original")) {
              warnings.add("imageType '" + t.getKey() + "' is not supported (only Original); ignored");
            } else if (t.getValue() instanceof Map<?, ?> custom && !custom.isEmpty()) {
              applySettings((Map<String, Object>) custom, b, warnings);
            }
          }
          if (!it.containsKey("Original")) {
            warnings.add("imageType has no 'Original' entry; Original features are computed anyway");
          }
        }
        default -> warnings.add("unknown section '" + e.getKey() + "' ignored");
      }
    }
    return new Parsed(b.build(), warnings, Set.copyOf(keys));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o, String what) {
    if (o == null) {
      return Map.of();
    }
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("section '" + what + "' must be a mapping, got " + o);
    }
    return (Map<String, Object>) o;
  }

  /**
   * Applies the {@code setting} section (also usable for a PyRadiomics settings dict such as the
   * diagnostics_Configuration_Settings row).
   */
  public static void applySettings(Map<String, Object> s, RadiomicsSettings.Builder b,
      List<String> warnings) {
    // binWidth before binCount: PyRadiomics uses binCount when both are given
    if (s.containsKey("binWidth") && s.get("binWidth") != null) {
      b.binWidth(num(s, "binWidth"));
    }
    for (Map.Entry<String, Object> e : s.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      switch (k) {
        case "binWidth" -> { }
        case "binCount" -> {
          if (v != null) {
            b.binCount((int) num(s, k));
          }
        }
        case "label" -> b.label((int) num(s, k));
        case "normalize" -> b.normalize(bool(v, k));
        case "normalizeScale" -> b.normalizeScale(num(s, k));
        case "removeOutliers" -> b.removeOutliers(v == null ? Double.NaN : num(s, k));
        case "resegmentRange" -> b.resegmentRange(v == null ? null : nums(v, k));
        case "resegmentMode" -> b.resegmentMode(
            ResegmentMode.valueOf(String.valueOf(v).toUpperCase(Locale.ROOT)));
        case "resegmentShape" -> {
          if (bool(v, k)) {
            warnings.add("setting 'resegmentShape: true' is not supported; shape uses the mask "
                + "before re-segmentation");
          }
        }
        case "voxelArrayShift" -> b.voxelArrayShift(num(s, k));
        case "distances" -> {
          double[] d = nums(v, k);
          int[] di = new int[d.length];
          for (int i = 0; i < d.length; i++) {
            di[i] = (int) d[i];
          }
          b.distances(di);
        }
        case "force2D" -> b.force2D(bool(v, k));
        case "force2Ddimension" -> b.force2Ddimension((int) num(s, k));
        case "symmetricalGLCM" -> b.symmetricalGLCM(bool(v, k));
        case "gldm_a" -> b.gldmA((int) num(s, k));
        case "resampledPixelSpacing" -> {
          if (v == null) {
            b.resampledPixelSpacing(null);
          } else {
            double[] sp = nums(v, k);
            if (sp.length != 3) {
              throw new IllegalArgumentException("resampledPixelSpacing needs 3 values (x, y, z)");
            }
            b.resampledPixelSpacing(sp);
          }
        }
        case "interpolator" -> {
          if (v != null) {
            b.interpolator(interpolator(String.valueOf(v), warnings));
          }
        }
        case "padDistance" -> b.padDistance((int) num(s, k));
        case "minimumROIDimensions" -> b.minimumROIDimensions((int) num(s, k));
        case "minimumROISize" -> b.minimumROISize(v == null ? 0 : (int) num(s, k));
        case "weightingNorm" -> {
          if (v != null) {
            warnings.add("setting 'weightingNorm: " + v + "' is not supported; directions are "
                + "averaged without weighting");
          }
        }
        default -> {
          if (!NO_EFFECT.contains(k)) {
            warnings.add("setting '" + k + "' is not supported; ignored");
          }
        }
      }
    }
  }

  private static void applyVoxelSettings(Map<String, Object> s, RadiomicsSettings.Builder b,
      List<String> warnings) {
    for (Map.Entry<String, Object> e : s.entrySet()) {
      switch (e.getKey()) {
        case "kernelRadius" -> b.kernelRadius((int) num(s, e.getKey()));
        case "maskedKernel" -> b.maskedKernel(bool(e.getValue(), e.getKey()));
        case "initValue", "voxelBatch" -> { }
        default -> warnings.add("voxelSetting '" + e.getKey() + "' is not supported; ignored");
      }
    }
  }

  private static Interpolator interpolator(String v, List<String> warnings) {
    String n = v.replaceFirst("^sitk", "").toLowerCase(Locale.ROOT);
    return switch (n) {
      case "bspline" -> Interpolator.BSPLINE;
      case "linear" -> Interpolator.LINEAR;
      case "nearestneighbor", "nearest" -> Interpolator.NEAREST;
      default -> {
        warnings.add("interpolator '" + v + "' is not supported; using sitkBSpline");
        yield Interpolator.BSPLINE;
      }
    };
  }

  private static double num(Map<String, Object> s, String k) {
    Object v = s.get(k);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + k + "' must be a number, got " + v);
    }
  }

  private static boolean bool(Object v, String k) {
    if (v instanceof Boolean bo) {
      return bo;
    }
    throw new IllegalArgumentException("setting '" + k + "' must be true or false, got " + v);
  }

  private static double[] nums(Object v, String k) {
    if (v instanceof List<?> l) {
      double[] d = new double[l.size()];
      for (int i = 0; i < d.length; i++) {
        Object o = l.get(i);
        if (!(o instanceof Number n)) {
          throw new IllegalArgumentException("setting '" + k + "' must be a list of numbers, got " + v);
        }
        d[i] = n.doubleValue();
      }
      return d;
    }
    if (v instanceof Number n) {
      return new double[] {n.doubleValue()};
    }
    throw new IllegalArgumentException("setting '" + k + "' must be a list of numbers, got " + v);
  }
}
