package org.habitatj.core.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.Version;
import org.habitatj.core.clinical.NomogramModel;
import org.habitatj.core.clinical.TumourComposition;
import org.habitatj.core.features.FeatureExtractor;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.CombinedIthScore;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.maps.KernelShape;
import org.habitatj.core.maps.MapDiscretization;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * The whole HabitatJ job for one case: tumour ROI → whole-ROI radiomics features → peritumoral ring
 * → sliding-window feature maps over tumour ∪ ring → habitats (K-means) → ITH score (tumour
 * clustered alone) and combined ITH score (tumour and ring clustered jointly, see {@link
 * CombinedIthScore}) → optionally the bundled nomogram's probability from ROMA, tumour
 * composition and the combined ITH score.
 *
 * <p>By default, as the ITHscore package does, habitats are computed on the tumour's largest-area
 * slice ({@link IthPipeline#largestAreaSlice}) with 2D windows ({@link Settings#defaults()};
 * {@link Settings#ithscorePackage()} gives the package's exact window choices);
 * {@link Settings#largestSliceOnly()} false uses every slice. Map features that are not finite at some voxel of the clustered set
 * (e.g. GLCM correlation of a flat window) are left out of the clustering and listed in the notes.
 *
 * <p>Pure computation: no files, no ImageJ. Deterministic for a given seed.
 */
public final class CasePipeline {

  private CasePipeline() {}

  /**
   * Settings of a run.
   *
   * @param radiomics whole-ROI features and map discretisation (PyRadiomics keys)
   * @param ringMm peritumoral ring width in mm (0 = no ring, no combined score)
   * @param ringMode ring grown per slice (2D) or in 3D
   * @param largestSliceOnly habitats on the tumour's largest-area slice only (ITHscore package)
   * @param kernel window shape of the maps
   * @param kernelRadius window half-width in voxels
   * @param maskedKernel windows restricted to the ROI (true) or whole windows (false, ITHscore)
   * @param mapDiscretization grey levels once over the ROI or per window (ITHscore)
   * @param mapFamilies feature families of the maps (firstorder, glcm, glrlm, glszm, gldm, ngtdm)
   * @param habitats standardisation, K-means (K, seed, restarts, K selection), ITH options
   * @param threads threads for the maps
   */
  public record Settings(RadiomicsSettings radiomics, double ringMm,
      PeritumoralRing.Mode ringMode, boolean largestSliceOnly, KernelShape kernel,
      int kernelRadius, boolean maskedKernel, MapDiscretization mapDiscretization,
      List<String> mapFamilies, IthPipeline.Options habitats, int threads) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the setting: {@code ring_mm} negative or not finite
     *     (0 = no ring), a missing radiomics / habitat setting
     */
    public Settings {
      if (!Double.isFinite(ringMm) || ringMm < 0) {
        throw new IllegalArgumentException("ring width ring_mm = " + ringMm + " mm is not "
            + "allowed: give the peritumoral ring width in mm, >= 0 (0 = no ring)");
      }
      if (radiomics == null || habitats == null || kernel == null || ringMode == null
          || mapDiscretization == null || mapFamilies == null) {
        throw new IllegalArgumentException("pipeline settings incomplete: radiomics, ring mode, "
            + "kernel, map discretisation, map families and habitat options must be given");
      }
    }

    /** The six map families. */
    public static final List<String> ALL_MAP_FAMILIES =
        List.of("firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm");

    /**
     * The ITH score as the ITHscore package defines it (Li et al., Eur Radiol 2023; issue 5):
     * habitats on the tumour's largest-area slice, per-voxel features from 5×5 windows NOT
     * restricted to the ROI, grey levels per window (each window is its own PyRadiomics run with
     * bin width 25), all six families (first-order, GLCM, GLRLM, GLSZM, GLDM, NGTDM), min–max
     * scaling, K = 6, seed 0; plus a 3-mm 2D ring for the combined score.
     */
    public static Settings defaults() {
      return new Settings(RadiomicsSettings.defaults(), 3.0, PeritumoralRing.Mode.SLICE_2D, true,
          KernelShape.SQUARE_2D, 2, false, MapDiscretization.PER_WINDOW, ALL_MAP_FAMILIES,
          IthPipeline.Options.DEFAULT, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The same as {@link #defaults()}: the ITHscore package's windows (as the ITH Score command). */
    public static Settings ithscorePackage() {
      return defaults();
    }

    /**
     * A faster variant: 3×3 windows restricted to the ROI, grey levels once over the ROI
     * (PyRadiomics voxel-based mode), first-order + GLCM maps.
     */
    public static Settings pyradiomicsVoxelMode() {
      Settings d = defaults();
      return new Settings(d.radiomics(), d.ringMm(), d.ringMode(), true, d.kernel(), 1, true,
          MapDiscretization.WHOLE_ROI_ONCE, List.of("firstorder", "glcm"), d.habitats(),
          d.threads());
    }

    /** Everything that determines the result, for the settings JSON next to the results. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("habitatj_version", Version.VERSION);
      // the radiomics block without its voxel-based kernel keys: the maps use the window
      // settings below (kernel, kernel_radius_voxels, masked_kernel)
      m.put("radiomics", radiomics.toSettingsMap());
      m.put("ring_mm", ringMm);
      m.put("ring_mode", ringMode.name());
      m.put("largest_slice_only", largestSliceOnly);
      m.put("kernel", kernel.name());
      m.put("kernel_radius_voxels", kernelRadius);
      m.put("masked_kernel", maskedKernel);
      m.put("map_discretization", mapDiscretization.name());
      m.put("map_families", mapFamilies);
      m.put("standardization", habitats.standardization().name());
      HabitatClustering.Options c = habitats.clustering();
      m.put("k", c.k());
      m.put("k_selection", c.selection().name());
      m.put("k_range", List.of(c.kMin(), c.kMax()));
      m.put("seed", c.seed());
      m.put("restarts", c.restarts());
      m.put("max_iterations", c.maxIter());
      m.put("ith_options", habitats.ith().toMap());
      return m;
    }
  }

  /** Clinical inputs for the nomogram; both null when not given. */
  public record Clinical(Double roma, TumourComposition composition) {
    public static final Clinical NONE = new Clinical(null, null);

    boolean complete() {
      return roma != null && composition != null;
    }
  }

  /**
   * Results of a run.
   *
   * @param features whole-ROI features of the tumour
   * @param ring the peritumoral ring (full grid; may be empty)
   * @param habitatSlice the z index habitats were computed on, or -1 for all slices
   * @param maps the feature maps (over the clustered voxels)
   * @param habitats habitat maps, clusterings and scores
   * @param nomogram the bundled nomogram's prediction, or null without clinical inputs or ring
   * @param notes warnings and decisions to report, in order
   */
  public record Result(FeatureExtractor.Result features, PeritumoralRing.Result ring,
      int habitatSlice, FeatureMaps maps, IthPipeline.Result habitats,
      NomogramModel.Prediction nomogram, List<String> notes) {

    /** The ITH score of the tumour. */
    public double ithScore() {
      return habitats.tumourIth().score();
    }

    /** The combined ITH score, NaN without ring. */
    public double combinedIthScore() {
      CombinedIthScore.Result c = habitats.combined();
      return c == null ? Double.NaN : c.combined().score();
    }

    /**
     * The results row: case, version, seed, scores, per-habitat columns, nomogram, then the
     * diagnostics and PyRadiomics-named features, then the notes.
     */
    public LinkedHashMap<String, String> row(String caseId) {
      LinkedHashMap<String, String> r = new LinkedHashMap<>();
      r.put("case_id", caseId);
      r.put("habitatj_version", Version.VERSION);
      HabitatClustering.Result tc = habitats.tumourClustering();
      r.put("seed", Long.toString(tc.options().seed()));
      r.put("habitat_slice", Integer.toString(habitatSlice));
      r.put("ith_score", num(ithScore()));
      r.put("combined_ith_score", num(combinedIthScore()));
      CombinedIthScore.Result c = habitats.combined();
      r.put("ring_ith_score", num(c == null || c.ringOnly() == null ? Double.NaN
          : c.ringOnly().score()));
      // ring_voxels: the whole peritumoral ring (all slices); habitat_ring_voxels: the part of it
      // clustered with the tumour (the habitat slice, or all slices)
      r.put("ring_voxels", Integer.toString(ring == null ? 0 : ring.voxels()));
      r.put("habitat_ring_voxels", Integer.toString(ring == null ? 0 : habitatSlice < 0
          ? ring.voxels() : IthPipeline.slice(ring.mask(), habitatSlice).count()));
      r.put("habitat_k", Integer.toString(tc.k()));
      List<HabitatMap.HabitatStats> table =
          habitats.tumourMap().table(habitats.tumourIth().options().connectivity(), null);
      for (HabitatMap.HabitatStats h : table) {
        String p = "habitat_" + h.habitat() + "_";
        r.put(p + "voxels", Integer.toString(h.voxels()));
        r.put(p + "fraction", num(h.fraction()));
        r.put(p + "regions", Integer.toString(h.regions()));
        r.put(p + "largest_region", Integer.toString(h.largestRegion()));
      }
      r.put("nomogram_probability", nomogram == null ? "" : num(nomogram.probability()));
      r.put("nomogram_risk_class", nomogram == null ? "" : nomogram.riskClass());
      r.put("nomogram_total_points", nomogram == null ? "" : num(nomogram.totalPoints()));
      r.putAll(features.asRow());
      r.put("warnings", String.join("; ", notes));
      return r;
    }
  }

  /** Plain decimals with the shortest digits that read back as v ({@link Table#formatNumber}). */
  static String num(double v) {
    return org.habitatj.core.stats.Table.formatNumber(v);
  }

  /**
   * Runs the pipeline.
   *
   * @param image calibrated intensities
   * @param tumour tumour ROI on the image grid
   * @param settings settings
   * @param clinical ROMA and composition for the nomogram, or {@link Clinical#NONE}
   * @param progress progress and cancellation
   * @throws IllegalArgumentException (or its subclasses RoiException, MaskException) for an
   *     unusable ROI or setting, naming the problem
   */
  public static Result run(Volume image, Mask tumour, Settings settings, Clinical clinical,
      Progress progress) {
    List<String> notes = new ArrayList<>();
    progress.status("Whole-ROI features");
    FeatureExtractor.Result features = new FeatureExtractor(settings.radiomics())
        .extract(image, tumour, progress.range(0, 0.3));
    notes.addAll(features.warnings());

    PeritumoralRing.Result ring = null;
    Mask ringMask = Mask.empty(tumour.geometry());
    if (settings.ringMm() > 0) {
      progress.status("Peritumoral ring " + settings.ringMm() + " mm");
      ring = PeritumoralRing.builder().distanceMm(settings.ringMm()).mode(settings.ringMode())
          .build().compute(tumour);
      notes.addAll(ring.warnings());
      ringMask = ring.mask();
    }
    HabitatInputs in = habitatInputs(image, tumour, ringMask, settings, notes,
        progress.range(0.3, 0.8));
    VoxelFeatures[] vf = {in.tumourFeatures(), in.ringFeatures()};
    int z = in.slice();
    FeatureMaps maps = in.maps();
    progress.status("Habitats");
    IthPipeline.Result habitats = IthPipeline.run(vf[0], vf[1].voxelCount() > 0 ? vf[1] : null,
        settings.habitats(), progress.range(0.8, 1.0));
    if (habitats.combined() == null && settings.ringMm() > 0) {
      notes.add("ring is empty on the habitat slice(s): no combined ITH score");
    }

    NomogramModel.Prediction nomogram = null;
    if (clinical.complete() && habitats.combined() != null) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("ROMA", clinical.roma());
      v.put("composition", clinical.composition().label());
      v.put("combined_ITH", habitats.combined().combined().score());
      nomogram = NomogramModel.bundled().apply(v);
      notes.addAll(nomogram.warnings());
      notes.add("nomogram: the bundled model is ILLUSTRATIVE (fitted on synthetic data), not a "
          + "clinical tool");
    } else if (clinical.roma() != null || clinical.composition() != null) {
      List<String> missing = new ArrayList<>();
      if (clinical.roma() == null) {
        missing.add("ROMA (roma=...)");
      }
      if (clinical.composition() == null) {
        missing.add("the tumour composition (composition=...)");
      }
      if (habitats.combined() == null) {
        missing.add("a combined ITH score (it needs a peritumoral ring: ring_mm > 0 with ring "
            + "voxels on the habitat slice)");
      }
      notes.add("nomogram skipped: it needs ROMA, composition and a combined ITH score; missing: "
          + String.join(", ", missing));
    }
    progress.fraction(1);
    return new Result(features, ring, z, maps, habitats, nomogram, notes);
  }

  /**
   * What the habitats are computed from: the slice(s), the feature maps over tumour ∪ ring and the
   * per-voxel features of each.
   *
   * @param slice the z index of the habitat slice, or -1 for all slices
   * @param tumour the tumour voxels clustered (the largest-area slice alone, or all)
   * @param ring the ring voxels clustered with it (same slice(s); may be empty)
   * @param maps the feature maps over tumour ∪ ring
   * @param tumourFeatures map features of the tumour voxels (features not finite everywhere left
   *     out, listed in the notes)
   * @param ringFeatures the same features of the ring voxels (may have no voxel)
   */
  public record HabitatInputs(int slice, Mask tumour, Mask ring, FeatureMaps maps,
      VoxelFeatures tumourFeatures, VoxelFeatures ringFeatures) {}

  /**
   * The habitat stage's inputs: restricts tumour and ring to the tumour's largest-area slice when
   * {@link Settings#largestSliceOnly()}, computes the maps ({@link Settings#mapFamilies()}, kernel,
   * radius, masked kernel, discretisation, {@link Settings#radiomics()}) over tumour ∪ ring and extracts the per-voxel features.
   *
   * @param image calibrated intensities
   * @param tumour tumour ROI on the image grid
   * @param ringMask ring on the same grid ({@link Mask#empty} for none)
   * @param notes receives the notes (features left out)
   * @throws IllegalArgumentException for an empty tumour or when no map feature is finite on
   *     every voxel
   */
  public static HabitatInputs habitatInputs(Volume image, Mask tumour, Mask ringMask,
      Settings settings, List<String> notes, Progress progress) {
    int z = -1;
    Mask t = tumour;
    Mask r = ringMask;
    if (settings.largestSliceOnly()) {
      z = IthPipeline.largestAreaSlice(tumour);
      t = IthPipeline.slice(tumour, z);
      r = IthPipeline.slice(ringMask, z);
    }
    byte[] u = t.data().clone();
    for (int i = 0; i < u.length; i++) {
      u[i] |= r.data()[i];
    }
    Mask union = new Mask(u, tumour.geometry());

    int side = 2 * settings.kernelRadius() + 1;
    Geometry ig = image.geometry();
    List<String> wider = new ArrayList<>();
    for (int a = 0; a < (settings.kernel() == KernelShape.CUBE_3D ? 3 : 2); a++) {
      if (side > ig.size(a)) {
        wider.add(new String[] {"x", "y", "z"}[a] + " (" + ig.size(a) + " voxels)");
      }
    }
    if (!wider.isEmpty()) {
      notes.add("the feature-map window (" + side + " voxels across, radius "
          + settings.kernelRadius() + ") is larger than the image along " + String.join(", ",
          wider) + ": every window is clipped to the image there");
    }
    int[] tb = t.boundingBox();
    if (tb != null && side > tb[3] - tb[0] + 1 && side > tb[4] - tb[1] + 1) {
      notes.add("the feature-map window (" + side + " voxels across) is wider than the tumour ("
          + (tb[3] - tb[0] + 1) + " x " + (tb[4] - tb[1] + 1) + " voxels in-plane): neighbouring"
          + " voxels share most of their window, so the habitats cannot follow the tumour's"
          + " structure and the ITH scores tend to 0; a smaller window radius is advised");
    }
    progress.status("Feature maps");
    Map<String, List<String>> families = new LinkedHashMap<>();
    for (String f : settings.mapFamilies()) {
      families.put(f, List.of());
    }
    RadiomicsSettings mapSettings = settings.radiomics().toBuilder()
        .maskedKernel(settings.maskedKernel()).build();
    FeatureMaps maps = FeatureMapEngine.builder(image, union).settings(mapSettings)
        .kernel(settings.kernel()).radiusVoxels(settings.kernelRadius())
        .discretization(settings.mapDiscretization()).features(families)
        .threads(settings.threads()).progress(progress).build().run();
    VoxelFeatures[] vf = voxelFeatures(maps, t, r, notes);
    return new HabitatInputs(z, t, r, maps, vf[0], vf[1]);
  }

  /** Tumour and ring voxel features from the maps, without features non-finite anywhere. */
  static VoxelFeatures[] voxelFeatures(FeatureMaps maps, Mask t, Mask r,
      List<String> notes) {
    int[] tv = indices(t);
    int[] rv = indices(r);
    List<String> names = new ArrayList<>();
    List<double[]> tc = new ArrayList<>();
    List<double[]> rc = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (int f = 0; f < maps.features().size(); f++) {
      double[] a = maps.valuesAt(f, tv);
      double[] b = maps.valuesAt(f, rv);
      boolean finite = true;
      for (int i = 0; i < a.length && finite; i++) {
        finite = Double.isFinite(a[i]);
      }
      for (int i = 0; i < b.length && finite; i++) {
        finite = Double.isFinite(b[i]);
      }
      String name = maps.features().get(f).pyradiomicsName();
      if (finite) {
        names.add(name);
        tc.add(a);
        rc.add(b);
      } else {
        dropped.add(name);
      }
    }
    if (!dropped.isEmpty()) {
      notes.add(String.format(Locale.ROOT, "%d map feature(s) not finite at some voxel, left out "
          + "of the habitats: %s", dropped.size(), String.join(", ", dropped)));
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no map feature is finite on every ROI voxel; "
          + "cannot cluster habitats");
    }
    String[] n = names.toArray(new String[0]);
    return new VoxelFeatures[] {
        new VoxelFeatures(t.geometry(), tv, n, tc.toArray(new double[0][])),
        new VoxelFeatures(t.geometry(), rv, n, rc.toArray(new double[0][]))};
  }

  private static int[] indices(Mask m) {
    int[] out = new int[m.count()];
    int k = 0;
    byte[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      if (d[i] != 0) {
        out[k++] = i;
      }
    }
    return out;
  }

}
