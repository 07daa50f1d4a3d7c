package org.habitatj.core.settings;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All settings of a radiomics extraction (whole ROI or feature maps), immutable. Field names are
 * PyRadiomics parameter names so that a PyRadiomics YAML parameter file maps one to one; the
 * defaults are PyRadiomics' defaults.
 *
 * <p>Create with {@link #defaults()} and derive with the {@code with...} methods, or with {@link
 * #builder()}.
 */
public final class RadiomicsSettings {

  /** How intensities are turned into grey levels. */
  public enum Discretization {
    /**
     * PyRadiomics fixed bin width: edges at multiples of binWidth from floor(min/binWidth)·binWidth
     * (default).
     */
    FIXED_BIN_WIDTH,
    /** Fixed bin count (PyRadiomics binCount; IBSI FBN). */
    FIXED_BIN_COUNT,
    /** IBSI fixed bin size: level = floor((X − X_min)/w) + 1 with X_min the re-segmentation minimum. */
    FIXED_BIN_SIZE_IBSI
  }

  /** Re-segmentation range interpretation (PyRadiomics resegmentMode). */
  public enum ResegmentMode {
    ABSOLUTE,
    RELATIVE,
    SIGMA
  }

  /** Image interpolator for resampling (PyRadiomics interpolator). */
  public enum Interpolator {
    NEAREST,
    LINEAR,
    BSPLINE
  }

  /** Kurtosis convention: PyRadiomics (m4/m2², normal = 3) or IBSI excess kurtosis (− 3). */
  public enum KurtosisConvention {
    PYRADIOMICS,
    IBSI_EXCESS
  }

  /**
   * How texture matrices of several directions are combined: PyRadiomics averages the features
   * computed per direction (IBSI "averaged"); IBSI "merged" sums the matrices first.
   */
  public enum DirectionAggregation {
    AVERAGED,
    MERGED
  }

  private final Builder b;

  private RadiomicsSettings(Builder b) {
    this.b = b.copy();
  }

  /** PyRadiomics defaults: binWidth 25, distance 1, symmetric GLCM, 3D, no resampling. */
  public static RadiomicsSettings defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with these settings. */
  public Builder toBuilder() {
    return b.copy();
  }

  public int label() {
    return b.label;
  }

  public Discretization discretization() {
    return b.discretization;
  }

  public double binWidth() {
    return b.binWidth;
  }

  public int binCount() {
    return b.binCount;
  }

  /** Re-segmentation range {lower, upper} (upper may be +∞), or null for none. */
  public double[] resegmentRange() {
    return b.resegmentRange == null ? null : b.resegmentRange.clone();
  }

  public ResegmentMode resegmentMode() {
    return b.resegmentMode;
  }

  /**
   * PyRadiomics removeOutliers: with {@code normalize}, the z-scores of the whole image are clamped
   * to ±n before scaling; NaN = off. (IBSI outlier filtering, dropping ROI voxels outside mean ±
   * 3σ, is {@code resegmentRange [-3, 3]} with {@code resegmentMode SIGMA}.)
   */
  public double removeOutliers() {
    return b.removeOutliers;
  }

  public boolean normalize() {
    return b.normalize;
  }

  public double normalizeScale() {
    return b.normalizeScale;
  }

  public double voxelArrayShift() {
    return b.voxelArrayShift;
  }

  public int[] distances() {
    return b.distances.clone();
  }

  public boolean force2D() {
    return b.force2D;
  }

  /** Axis (in PyRadiomics' z, y, x numpy order: 0 = z) that force2D treats as the slice axis. */
  public int force2Ddimension() {
    return b.force2Ddimension;
  }

  public boolean symmetricalGLCM() {
    return b.symmetricalGLCM;
  }

  /** GLDM coarseness parameter α (PyRadiomics gldm_a). */
  public int gldmA() {
    return b.gldmA;
  }

  /** Target voxel spacing in mm (x, y, z), or null for no resampling. */
  public double[] resampledPixelSpacing() {
    return b.resampledPixelSpacing == null ? null : b.resampledPixelSpacing.clone();
  }

  public Interpolator interpolator() {
    return b.interpolator;
  }

  public int padDistance() {
    return b.padDistance;
  }

  public int minimumROIDimensions() {
    return b.minimumROIDimensions;
  }

  /** Minimum number of ROI voxels; 0 = no minimum. */
  public int minimumROISize() {
    return b.minimumROISize;
  }

  /** Sliding-window kernel radius in voxels (feature maps). */
  public int kernelRadius() {
    return b.kernelRadius;
  }

  /** Feature maps: whether the kernel is intersected with the ROI. */
  public boolean maskedKernel() {
    return b.maskedKernel;
  }

  public KurtosisConvention kurtosisConvention() {
    return b.kurtosisConvention;
  }

  public DirectionAggregation directionAggregation() {
    return b.directionAggregation;
  }

  /** Number of grey levels above which a warning is given. */
  public int greyLevelWarning() {
    return b.greyLevelWarning;
  }

  /** Number of grey levels above which the extraction is refused before allocating (C07). */
  public int greyLevelLimit() {
    return b.greyLevelLimit;
  }

  /**
   * Enabled feature classes (PyRadiomics names: firstorder, shape, shape2D, glcm, glrlm, glszm,
   * gldm, ngtdm) mapped to the enabled feature names; an empty list means all features of that
   * class.
   */
  public Map<String, List<String>> enabledFeatures() {
    return Collections.unmodifiableMap(b.enabledFeatures);
  }

  /** Settings as an ordered map with PyRadiomics key names, for writing next to results. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", b.label);
    m.put("discretization", b.discretization.name());
    m.put("binWidth", b.binWidth);
    m.put("binCount", b.binCount);
    m.put("resegmentRange", b.resegmentRange == null ? null : Arrays.toString(b.resegmentRange));
    m.put("resegmentMode", b.resegmentMode.name().toLowerCase());
    m.put("removeOutliers", Double.isNaN(b.removeOutliers) ? null : b.removeOutliers);
    m.put("normalize", b.normalize);
    m.put("normalizeScale", b.normalizeScale);
    m.put("voxelArrayShift", b.voxelArrayShift);
    m.put("distances", Arrays.toString(b.distances));
    m.put("force2D", b.force2D);
    m.put("force2Ddimension", b.force2Ddimension);
    m.put("symmetricalGLCM", b.symmetricalGLCM);
    m.put("gldm_a", b.gldmA);
    m.put(
        "resampledPixelSpacing",
        b.resampledPixelSpacing == null ? null : Arrays.toString(b.resampledPixelSpacing));
    m.put("interpolator", b.interpolator.name());
    m.put("padDistance", b.padDistance);
    m.put("minimumROIDimensions", b.minimumROIDimensions);
    m.put("minimumROISize", b.minimumROISize);
    m.put("kernelRadius", b.kernelRadius);
    m.put("maskedKernel", b.maskedKernel);
    m.put("kurtosisConvention", b.kurtosisConvention.name());
    m.put("directionAggregation", b.directionAggregation.name());
    m.put("enabledFeatures", new LinkedHashMap<>(b.enabledFeatures));
    return m;
  }

  /**
   * The settings as written into a settings.json next to results ({@code settings.json} of Run ITH
   * Pipeline and Extract Radiomics Features): {@link #toMap()} without {@code label} (the ROI is
   * chosen from the mask before extraction; the label used is in the file's "inputs") and
   * without {@code kernelRadius} / {@code maskedKernel} (PyRadiomics voxel-based keys that
   * HabitatJ's maps do not read: the pipeline's window settings are written apart), and with
   * {@code enabledFeatures} spelt out: a family enabled with every feature is {@code "all"} (an
   * empty list in PyRadiomics' own notation), else the list of enabled features; families absent
   * are disabled. {@code distances}, {@code resegmentRange} and {@code resampledPixelSpacing} are
   * lists (null when not set).
   */
  public Map<String, Object> toSettingsMap() {
    Map<String, Object> m = toMap();
    m.remove("label");
    m.remove("kernelRadius");
    m.remove("maskedKernel");
    // arrays as JSON arrays (toMap gives their toString for the diagnostics column)
    m.put("resegmentRange", b.resegmentRange == null ? null
        : Arrays.stream(b.resegmentRange).boxed().toList());
    m.put("distances", Arrays.stream(b.distances).boxed().toList());
    m.put("resampledPixelSpacing", b.resampledPixelSpacing == null ? null
        : Arrays.stream(b.resampledPixelSpacing).boxed().toList());
    Map<String, Object> ef = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : b.enabledFeatures.entrySet()) {
      ef.put(e.getKey(), e.getValue() == null || e.getValue().isEmpty() ? "all"
          : List.copyOf(e.getValue()));
    }
    m.put("enabledFeatures", ef);
    return m;
  }

  @Override
  public String toString() {
    return toMap().toString();
  }

  /** Mutable builder; {@link #build()} snapshots it. */
  public static final class Builder {
    private int label = 1;
    private Discretization discretization = Discretization.FIXED_BIN_WIDTH;
    private double binWidth = 25;
    private int binCount = 0;
    private double[] resegmentRange = null;
    private ResegmentMode resegmentMode = ResegmentMode.ABSOLUTE;
    private double removeOutliers = Double.NaN;
    private boolean normalize = false;
    private double normalizeScale = 1;
    private double voxelArrayShift = 0;
    private int[] distances = {1};
    private boolean force2D = false;
    private int force2Ddimension = 0;
    private boolean symmetricalGLCM = true;
    private int gldmA = 0;
    private double[] resampledPixelSpacing = null;
    private Interpolator interpolator = Interpolator.BSPLINE;
    private int padDistance = 5;
    private int minimumROIDimensions = 2;
    private int minimumROISize = 0;
    private int kernelRadius = 1;
    private boolean maskedKernel = true;
    private KurtosisConvention kurtosisConvention = KurtosisConvention.PYRADIOMICS;
    private DirectionAggregation directionAggregation = DirectionAggregation.AVERAGED;
    private int greyLevelWarning = 256;
    private int greyLevelLimit = 65536;
    private LinkedHashMap<String, List<String>> enabledFeatures = defaultClasses();

    private static LinkedHashMap<String, List<String>> defaultClasses() {
      LinkedHashMap<String, List<String>> m = new LinkedHashMap<>();
      for (String c : new String[] {"shape", "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm"}) {
        m.put(c, List.of());
      }
      return m;
    }

    Builder copy() {
      Builder c = new Builder();
      c.label = label;
      c.discretization = discretization;
      c.binWidth = binWidth;
      c.binCount = binCount;
      c.resegmentRange = resegmentRange == null ? null : resegmentRange.clone();
      c.resegmentMode = resegmentMode;
      c.removeOutliers = removeOutliers;
      c.normalize = normalize;
      c.normalizeScale = normalizeScale;
      c.voxelArrayShift = voxelArrayShift;
      c.distances = distances.clone();
      c.force2D = force2D;
      c.force2Ddimension = force2Ddimension;
      c.symmetricalGLCM = symmetricalGLCM;
      c.gldmA = gldmA;
      c.resampledPixelSpacing = resampledPixelSpacing == null ? null : resampledPixelSpacing.clone();
      c.interpolator = interpolator;
      c.padDistance = padDistance;
      c.minimumROIDimensions = minimumROIDimensions;
      c.minimumROISize = minimumROISize;
      c.kernelRadius = kernelRadius;
      c.maskedKernel = maskedKernel;
      c.kurtosisConvention = kurtosisConvention;
      c.directionAggregation = directionAggregation;
      c.greyLevelWarning = greyLevelWarning;
      c.greyLevelLimit = greyLevelLimit;
      c.enabledFeatures = new LinkedHashMap<>();
      enabledFeatures.forEach((k, v) -> c.enabledFeatures.put(k, List.copyOf(v)));
      return c;
    }

    public RadiomicsSettings build() {
      if (discretization == Discretization.FIXED_BIN_COUNT && binCount < 1) {
        throw new IllegalArgumentException("binCount must be >= 1 for a fixed bin count, got " + binCount);
      }
      if (discretization != Discretization.FIXED_BIN_COUNT && !(binWidth > 0)) {
        throw new IllegalArgumentException("binWidth must be > 0, got " + binWidth);
      }
      if (kernelRadius < 0) {
        throw new IllegalArgumentException("kernelRadius must be >= 0, got " + kernelRadius);
      }
      for (int d : distances) {
        if (d < 1) {
          throw new IllegalArgumentException("texture distances must be >= 1, got " + d);
        }
      }
      return new RadiomicsSettings(this);
    }

    public Builder label(int v) { label = v; return this; }
    public Builder discretization(Discretization v) { discretization = v; return this; }
    /** Fixed bin width (sets discretization to FIXED_BIN_WIDTH). */
    public Builder binWidth(double v) { binWidth = v; discretization = Discretization.FIXED_BIN_WIDTH; return this; }
    /** Fixed bin count (sets discretization to FIXED_BIN_COUNT). */
    public Builder binCount(int v) { binCount = v; discretization = Discretization.FIXED_BIN_COUNT; return this; }
    public Builder resegmentRange(double[] v) { resegmentRange = v == null ? null : v.clone(); return this; }
    public Builder resegmentMode(ResegmentMode v) { resegmentMode = v; return this; }
    public Builder removeOutliers(double v) { removeOutliers = v; return this; }
    public Builder normalize(boolean v) { normalize = v; return this; }
    public Builder normalizeScale(double v) { normalizeScale = v; return this; }
    public Builder voxelArrayShift(double v) { voxelArrayShift = v; return this; }
    public Builder distances(int... v) { distances = v.clone(); return this; }
    public Builder force2D(boolean v) { force2D = v; return this; }
    public Builder force2Ddimension(int v) { force2Ddimension = v; return this; }
    public Builder symmetricalGLCM(boolean v) { symmetricalGLCM = v; return this; }
    public Builder gldmA(int v) { gldmA = v; return this; }
    public Builder resampledPixelSpacing(double[] v) { resampledPixelSpacing = v == null ? null : v.clone(); return this; }
    public Builder interpolator(Interpolator v) { interpolator = v; return this; }
    public Builder padDistance(int v) { padDistance = v; return this; }
    public Builder minimumROIDimensions(int v) { minimumROIDimensions = v; return this; }
    public Builder minimumROISize(int v) { minimumROISize = v; return this; }
    public Builder kernelRadius(int v) { kernelRadius = v; return this; }
    public Builder maskedKernel(boolean v) { maskedKernel = v; return this; }
    public Builder kurtosisConvention(KurtosisConvention v) { kurtosisConvention = v; return this; }
    public Builder directionAggregation(DirectionAggregation v) { directionAggregation = v; return this; }
    public Builder greyLevelWarning(int v) { greyLevelWarning = v; return this; }
    public Builder greyLevelLimit(int v) { greyLevelLimit = v; return this; }
    /** Replaces the enabled classes; an empty list for a class means all of its features. */
    public Builder enabledFeatures(Map<String, List<String>> v) {
      enabledFeatures = new LinkedHashMap<>();
      v.forEach((k, list) -> enabledFeatures.put(k, List.copyOf(list)));
      return this;
    }
  }
}
