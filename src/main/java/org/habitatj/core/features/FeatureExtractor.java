package org.habitatj.core.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.Version;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.RoiChecks;
import org.habitatj.core.image.Preprocessing;
import org.habitatj.core.image.Resampler;
import org.habitatj.core.image.Volume;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Whole-ROI radiomics extraction, PyRadiomics {@code RadiomicsFeatureExtractor.execute} for the
 * Original image type: one call from an image, an ROI mask and settings to an ordered map {@code
 * original_<class>_<Feature>} → value, plus diagnostics.
 *
 * <h2>Pipeline (PyRadiomics order)</h2>
 *
 * <ol>
 *   <li>normalisation over the whole image ({@code normalize}, {@code normalizeScale}, {@code
 *       removeOutliers}), see {@link Preprocessing#normalize};
 *   <li>resampling to {@code resampledPixelSpacing} (see {@link Resampler});
 *   <li>ROI checks: empty mask, single voxel, fewer than {@code minimumROIDimensions} dimensions,
 *       fewer than {@code minimumROISize} voxels → {@link RoiException};
 *   <li>re-segmentation ({@code resegmentRange}, {@code resegmentMode}), checked again; shape
 *       features use the mask <i>before</i> re-segmentation (PyRadiomics default);
 *   <li>shape (3D), shape2D (needs {@code force2D}), first-order, then the texture families in
 *       the order of {@link RadiomicsSettings#enabledFeatures()}; grey levels from {@link
 *       Discretizer} (whole-ROI Ng = highest level present).
 * </ol>
 *
 * <p>Texture families come from the explicit registry {@link TextureFamilies}.
 *
 * <p>An extractor is cheap to create and may be reused for many cases, but it is not thread-safe
 * (texture families reuse buffers): use one extractor per thread.
 *
 * <p>Typical use: {@code new FeatureExtractor(PyRadiomicsParams.read(yaml).settings())
 * .extractFromLabels(image, labels, progress)}, then {@code FeatureCsv.writeRows(...)} with
 * {@link Result#asRow()}.
 */
public final class FeatureExtractor {

  /** The texture families in PyRadiomics order (explicit registry: {@link TextureFamilies}). */
  public static final List<String> TEXTURE_NAMES = TextureFamilies.NAMES;

  /** Result of one extraction. */
  public record Result(
      LinkedHashMap<String, Double> features,
      LinkedHashMap<String, String> diagnostics,
      List<String> warnings) {

    /** Diagnostics then features as strings (features in Java's shortest repr), for CSV rows. */
    public LinkedHashMap<String, String> asRow() {
      LinkedHashMap<String, String> row = new LinkedHashMap<>(diagnostics);
      // plain decimals, shortest digits that read back as the same double (no E-notation)
      features.forEach((k, v) -> row.put(k, org.habitatj.core.stats.Table.formatNumber(v)));
      return row;
    }
  }

  private final RadiomicsSettings settings;
  private final Map<String, FeatureFamily> textures;

  /** An extractor with all texture families. */
  public FeatureExtractor(RadiomicsSettings settings) {
    this(settings, availableTextureFamilies());
  }

  /**
   * @param settings extraction settings
   * @param textureFamilies texture families to use (by {@link FeatureFamily#name()})
   */
  public FeatureExtractor(RadiomicsSettings settings, List<FeatureFamily> textureFamilies) {
    this.settings = settings;
    this.textures = new LinkedHashMap<>();
    for (FeatureFamily f : textureFamilies) {
      textures.put(f.name(), f);
    }
  }

  /** New instances of all texture families ({@link TextureFamilies}). */
  public static List<FeatureFamily> availableTextureFamilies() {
    List<FeatureFamily> out = new ArrayList<>();
    for (String n : TEXTURE_NAMES) {
      out.add(TextureFamilies.byName(n));
    }
    return out;
  }

  public RadiomicsSettings settings() {
    return settings;
  }

  /**
   * Extracts from an image and a label image, taking the ROI as the voxels equal to {@code
   * settings.label()} (through {@link Masks#fromLabelImage}, case C01/C02).
   *
   * @throws org.habitatj.core.image.MaskException if the label is absent (the message lists the
   *     labels present), the label image has non-integer values, or the grids differ
   * @throws RoiException / IllegalArgumentException as {@link #extract(Volume, Mask, Progress)}
   */
  public Result extractFromLabels(Volume image, Volume labels, Progress progress) {
    Masks.checkSameGrid(image.geometry(), labels.geometry(), "image", "label image");
    Mask mask = Masks.fromLabelImage(labels, Masks.LabelChoice.label(settings.label())).mask();
    return extract(image, mask, progress);
  }

  /** As {@link #extract(Volume, Mask, Progress)} without progress reporting. */
  public Result extract(Volume image, Mask mask) {
    return extract(image, mask, Progress.NONE);
  }

  /**
   * Extracts all enabled features.
   *
   * @param image calibrated intensities
   * @param mask binary ROI on the same grid (label already chosen)
   * @param progress progress and cancellation
   * @return features (ordered as PyRadiomics writes them), diagnostics and warnings
   * @throws RoiException if the ROI is empty, a single voxel, too flat or too small
   * @throws IllegalArgumentException if the grids differ, a setting is unusable (e.g. too many
   *     grey levels, shape2D without force2D) or an intensity in the ROI is not finite
   */
  public Result extract(Volume image, Mask mask, Progress progress) {
    List<String> warnings = new ArrayList<>();
    if (!image.geometry().sameGrid(mask.geometry())) {
      throw new IllegalArgumentException(
          "image and mask grids differ: image " + image.geometry().describe() + "; mask "
              + mask.geometry().describe());
    }
    RadiomicsSettings s = settings;
    Map<String, List<String>> enabled = s.enabledFeatures();
    for (String cls : enabled.keySet()) {
      if (!List.of("shape", "shape2D", "firstorder").contains(cls) && !TEXTURE_NAMES.contains(cls)) {
        warnings.add("unknown feature class '" + cls + "' ignored");
      } else if (TEXTURE_NAMES.contains(cls) && !textures.containsKey(cls)) {
        warnings.add("feature class '" + cls + "' is not available in this build and was skipped");
      }
    }
    progress.status("Preparing image");
    if (mask.count() == 0) {
      checkRoi(mask, s, "");
    }
    int[] bb0 = mask.boundingBox();
    double[] img;
    Geometry grid;
    Mask shapeMask;
    double[] origStats = null;
    if (s.resampledPixelSpacing() != null) {
      // resampling (B-spline coefficients) uses the whole image
      img = image.toDoubleArray();
      if (s.normalize()) {
        double[] st = Preprocessing.statistics(img);
        origStats = new double[] {st[0], st[2], st[3]};
        img = Preprocessing.normalize(img, st[0], st[1], s.normalizeScale(), s.removeOutliers());
      }
      Resampler.Resampled r = Resampler.resample(img, mask, s,
          s.normalize() ? null : integerRange(image));
      img = r.image();
      grid = r.geometry();
      shapeMask = r.mask();
      warnings.addAll(r.warnings());
      checkRoi(shapeMask, s, " after resampling");
      int[] bb = shapeMask.boundingBox();
      img = cropArray(img, grid, bb);
      shapeMask = cropMask(shapeMask, bb);
      grid = shapeMask.geometry();
    } else {
      // only the ROI's bounding box is read (features do not depend on other voxels); the
      // normalisation statistics stream over the whole image without copying it
      img = cropVolume(image, bb0);
      if (s.normalize()) {
        double[] st = Preprocessing.statistics(image);
        origStats = new double[] {st[0], st[2], st[3]};
        img = Preprocessing.normalize(img, st[0], st[1], s.normalizeScale(), s.removeOutliers());
      }
      shapeMask = cropMask(mask, bb0);
      grid = shapeMask.geometry();
    }
    checkRoi(shapeMask, s, "");
    if (!s.normalize() && !Double.isNaN(s.removeOutliers())) {
      warnings.add("removeOutliers applies only with normalize: true (PyRadiomics); ignored");
    }
    progress.checkCanceled();
    Mask roi = shapeMask;
    if (s.resegmentRange() != null) {
      roi = Preprocessing.resegment(img, shapeMask, s.resegmentRange(), s.resegmentMode());
      checkRoi(roi, s, " after re-segmentation " + Arrays.toString(s.resegmentRange()) + " ("
          + s.resegmentMode().name().toLowerCase(Locale.ROOT) + ")");
    }
    double[] roiValues = Discretizer.roiValues(img, roi);
    for (double v : roiValues) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the ROI contains a non-finite intensity (" + v + ")");
      }
    }
    BinEdges edges = Discretizer.edges(roiValues, s);
    warnings.addAll(edges.warnings());

    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    int ng = 0;
    // shape first, as PyRadiomics
    if (enabled.containsKey("shape")) {
      progress.status("Shape");
      Shape3D sh = Shape3D.of(shapeMask);
      put(out, Shape3D.FEATURES, sh.values(), Shape3D.ON_REQUEST, sh.onRequestValues(),
          enabled.get("shape"), warnings);
    }
    if (enabled.containsKey("shape2D")) {
      if (!s.force2D()) {
        throw new IllegalArgumentException(
            "shape2D features need force2D: true (PyRadiomics); enable force2D or remove shape2D");
      }
      put(out, Shape2D.FEATURES, Shape2D.of(shapeMask, s.force2Ddimension()).values(),
          enabled.get("shape2D"), warnings);
    }
    int[] levels = Discretizer.levels(roiValues, edges);
    for (int lv : levels) {
      ng = Math.max(ng, lv);
    }
    DiscretizedRoi droi = null;
    for (Map.Entry<String, List<String>> e : enabled.entrySet()) {
      String cls = e.getKey();
      progress.checkCanceled();
      if (cls.equals("firstorder")) {
        progress.status("First order");
        double[] fo = FirstOrder.compute(roiValues, levels, edges.bins() + 1,
            grid.voxelVolume(), s.voxelArrayShift(), s.kurtosisConvention());
        put(out, FirstOrder.FEATURES, fo, FirstOrder.ON_REQUEST,
            new double[] {Math.sqrt(fo[FirstOrder.COUNT - 1])}, e.getValue(), warnings);
      } else if (textures.containsKey(cls)) {
        progress.status(cls.toUpperCase(Locale.ROOT));
        if (droi == null) {
          droi = Discretizer.discretize(img, grid, roi, roi.boundingBox(), edges, 0);
        }
        FeatureFamily fam = textures.get(cls);
        put(out, fam.features(), fam.compute(droi, s), e.getValue(), warnings);
      }
    }
    LinkedHashMap<String, String> diag = diagnostics(image.geometry(), origStats, mask, bb0,
        shapeMask, roi, grid, ng, edges);
    progress.fraction(1);
    return new Result(out, diag, List.copyOf(warnings));
  }

  private static void put(LinkedHashMap<String, Double> out, List<FeatureInfo> infos, double[] values,
      List<String> wanted, List<String> warnings) {
    put(out, infos, values, List.of(), new double[0], wanted, warnings);
  }

  /**
   * Adds a family's values: all default features in family order when {@code wanted} is empty,
   * else the wanted names in the user's order (PyRadiomics), including on-request (deprecated)
   * features from {@code extraInfos}.
   */
  private static void put(LinkedHashMap<String, Double> out, List<FeatureInfo> infos, double[] values,
      List<FeatureInfo> extraInfos, double[] extraValues, List<String> wanted, List<String> warnings) {
    if (values.length != infos.size()) {
      throw new IllegalStateException("family returned " + values.length + " values for "
          + infos.size() + " features");
    }
    if (wanted == null || wanted.isEmpty()) {
      for (int i = 0; i < values.length; i++) {
        out.put(infos.get(i).pyradiomicsName(), values[i]);
      }
      return;
    }
    for (String w : wanted) {
      boolean found = false;
      for (int i = 0; i < infos.size() && !found; i++) {
        if (infos.get(i).name().equals(w)) {
          out.put(infos.get(i).pyradiomicsName(), values[i]);
          found = true;
        }
      }
      for (int i = 0; i < extraInfos.size() && !found; i++) {
        if (extraInfos.get(i).name().equals(w)) {
          out.put(extraInfos.get(i).pyradiomicsName(), extraValues[i]);
          found = true;
        }
      }
      if (!found) {
        warnings.add("unknown feature '" + w + "' in class " + infos.get(0).family() + " ignored");
      }
    }
  }

  /**
   * PyRadiomics checkMask rules, through {@link RoiChecks} (the one place that defines them):
   * non-empty; not a single voxel; at least {@code minimumROIDimensions} bounding-box dimensions
   * larger than 1; at least {@code minimumROISize} voxels.
   *
   * @param context appended to the message (e.g. " after re-segmentation ...")
   * @throws RoiException naming the problem ("mask is empty for label 1", "ROI has 1 voxel (needs
   *     ≥ 2) ...", "ROI is 1-dimensional ...")
   */
  public static void checkRoi(Mask mask, RadiomicsSettings s, String context) {
    if (mask.count() == 0) {
      throw new RoiException(MaskException.Reason.EMPTY, "mask is empty for label " + s.label() + context);
    }
    try {
      RoiChecks.check(mask, s.minimumROIDimensions(), s.minimumROISize());
    } catch (MaskException e) {
      throw new RoiException(e.reason(), e.getMessage() + context);
    }
  }

  /**
   * {min, max} of the image's pixel type when it is an integer type (ITK casts resampled values
   * back to it), else null.
   */
  static double[] integerRange(Volume v) {
    Object t = net.imglib2.util.Util.getTypeFromInterval(v.values());
    if (t instanceof net.imglib2.type.numeric.IntegerType<?>
        && t instanceof net.imglib2.type.numeric.RealType<?> r) {
      return new double[] {r.getMinValue(), r.getMaxValue()};
    }
    return null;
  }

  /** Intensities of the inclusive box {x0, y0, z0, x1, y1, z1} of a volume, x fastest. */
  static double[] cropVolume(Volume v, int[] bb) {
    double[] out = new double[(bb[3] - bb[0] + 1) * (bb[4] - bb[1] + 1) * (bb[5] - bb[2] + 1)];
    net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> c =
        net.imglib2.view.Views.flatIterable(net.imglib2.view.Views.interval(v.values(),
            new long[] {bb[0], bb[1], bb[2]}, new long[] {bb[3], bb[4], bb[5]})).cursor();
    int i = 0;
    while (c.hasNext()) {
      out[i++] = c.next().getRealDouble();
    }
    return out;
  }

  static double[] cropArray(double[] a, Geometry g, int[] bb) {
    int sx = bb[3] - bb[0] + 1;
    int sy = bb[4] - bb[1] + 1;
    int sz = bb[5] - bb[2] + 1;
    double[] out = new double[sx * sy * sz];
    int k = 0;
    for (int z = bb[2]; z <= bb[5]; z++) {
      for (int y = bb[1]; y <= bb[4]; y++) {
        System.arraycopy(a, g.index(bb[0], y, z), out, k, sx);
        k += sx;
      }
    }
    return out;
  }

  /** The mask restricted to the box, on the box's sub-grid. */
  static Mask cropMask(Mask m, int[] bb) {
    Geometry g = m.geometry();
    int sx = bb[3] - bb[0] + 1;
    int sy = bb[4] - bb[1] + 1;
    int sz = bb[5] - bb[2] + 1;
    byte[] out = new byte[sx * sy * sz];
    byte[] d = m.data();
    int k = 0;
    for (int z = bb[2]; z <= bb[5]; z++) {
      for (int y = bb[1]; y <= bb[4]; y++) {
        System.arraycopy(d, g.index(bb[0], y, z), out, k, sx);
        k += sx;
      }
    }
    return new Mask(out, g.subGrid(bb[0], bb[1], bb[2], new int[] {sx, sy, sz}));
  }

  private LinkedHashMap<String, String> diagnostics(Geometry g, double[] st, Mask original,
      int[] bb, Mask shapeMask, Mask roi, Geometry grid, int ng, BinEdges edges) {
    LinkedHashMap<String, String> d = new LinkedHashMap<>();
    d.put("diagnostics_Versions_HabitatJ", Version.VERSION);
    d.put("diagnostics_Configuration_Settings", settings.toMap().toString());
    d.put("diagnostics_Configuration_EnabledImageTypes", "{'Original': {}}");
    d.put("diagnostics_Image-original_Dimensionality", g.size(2) > 1 ? "3D" : "2D");
    d.put("diagnostics_Image-original_Spacing", tuple(g.spacing()));
    d.put("diagnostics_Image-original_Size", tuple(g.size()));
    if (st != null) {
      d.put("diagnostics_Image-original_Mean", Double.toString(st[0]));
      d.put("diagnostics_Image-original_Minimum", Double.toString(st[1]));
      d.put("diagnostics_Image-original_Maximum", Double.toString(st[2]));
    }
    d.put("diagnostics_Mask-original_BoundingBox", tuple(new int[] {bb[0], bb[1], bb[2],
        bb[3] - bb[0] + 1, bb[4] - bb[1] + 1, bb[5] - bb[2] + 1}));
    d.put("diagnostics_Mask-original_VoxelNum", Integer.toString(original.count()));
    if (settings.resampledPixelSpacing() != null) {
      d.put("diagnostics_Image-interpolated_Spacing", tuple(grid.spacing()));
      d.put("diagnostics_Mask-interpolated_VoxelNum", Integer.toString(shapeMask.count()));
    }
    if (roi != shapeMask) {
      d.put("diagnostics_Mask-resegmented_VoxelNum", Integer.toString(roi.count()));
    }
    d.put("diagnostics_Discretization_LowerBound", Double.toString(edges.lowerBound()));
    d.put("diagnostics_Discretization_GreyLevels", Integer.toString(ng));
    return d;
  }

  private static String tuple(double[] a) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < a.length; i++) {
      b.append(i > 0 ? ", " : "").append(a[i]);
    }
    return b.append(")").toString();
  }

  private static String tuple(int[] a) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < a.length; i++) {
      b.append(i > 0 ? ", " : "").append(a[i]);
    }
    return b.append(")").toString();
  }
}
