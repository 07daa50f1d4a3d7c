package org.habitatj.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Morphology;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.maps.IthscoreWindowFeatures;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.stats.Icc;
import org.habitatj.io.NiftiReader;

/**
 * Reproducibility of the ITH score and the combined ITH score under ±1-pixel contour perturbation
 * (issue 5, "Reproducibility"). Run manually:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.habitatj.bench.ReproducibilityStudy [FOUR|EIGHT] [seeds] [variant]
 * </pre>
 *
 * <p>Data: the 18 soft-tissue-sarcoma MR cases {@code ../shared/data/ibsi_sts_mr/nifti/STS_* /
 * MR_T1_{image,mask}.nii.gz} (mask label chosen automatically, {@link Masks.LabelChoice#auto()}).
 *
 * <p>Three "raters" per case: the original mask, the mask eroded by one pixel and the mask dilated
 * by one pixel, in every slice ({@link Morphology}, default neighbourhood {@link
 * Morphology.Neighbourhood#EIGHT} = the 3×3 square; in-image neighbours only). Each is run
 * through {@link CasePipeline} with {@link CasePipeline.Settings#defaults()} (the ITHscore
 * package's definition: PyRadiomics defaults, binWidth 25; largest-area slice only; 5×5 windows not
 * restricted to the ROI with grey levels per window; the six texture/first-order families; min–max
 * scaling; Smile K-means K = 6, 20 restarts, seed 0; ITH with 8-connectivity and 1-pixel regions
 * dropped; plus a 3-mm ring grown per slice), 2 threads.
 *
 * <p>Two slice policies:
 *
 * <ul>
 *   <li>{@link SlicePolicy#OWN}: each rater's own largest-area slice, i.e. exactly what the
 *       default pipeline does with that mask (the primary analysis);
 *   <li>{@link SlicePolicy#FIXED}: the original mask's largest-area slice for all three raters,
 *       isolating the contour change from a change of slice.
 * </ul>
 *
 * <p>Speed-up (no effect on the scores): the pipeline is given the rater's mask restricted to the
 * chosen slice. With the defaults (largest slice only, 2D ring, 2D windows) the ring, maps,
 * habitats and scores on that slice are the same as with the full 3D mask (this is asserted on
 * real cases by {@code ReproducibilityStudyTest}); only the unused whole-ROI 3D features are
 * skipped.
 *
 * <p>In addition, the original mask is re-run with K-means seeds 1..(seeds−1) (policy OWN) to
 * measure how much of the disagreement is K-means' own seed-to-seed variability.
 *
 * <p>Output: a table per case on stdout, ICC(2,1) (two-way random, absolute agreement, single
 * rater; McGraw–Wong ICC(A,1)) with 95% CI via {@link Icc}, and the long-format CSV {@code
 * target/reproducibility_ith.csv}.
 */
public final class ReproducibilityStudy {

  /** The sarcoma MR cases. */
  public static final Path DATA = Path.of("..", "shared", "data", "ibsi_sts_mr", "nifti");

  /** Default output. */
  public static final Path CSV = Path.of("target", "reproducibility_ith.csv");

  /** The three raters. */
  public enum Rater {
    ORIGINAL, ERODED, DILATED
  }

  /**
   * Sensitivity variants (for explaining disagreement, not for tuning): the default pipeline;
   * z-score instead of min–max; 50 K-means restarts instead of 10; the ITHscore package's own
   * per-pixel features (107 PyRadiomics features of 5×5 unmasked windows, package min–max scaling,
   * tumour only: no combined score).
   */
  public enum Variant {
    DEFAULT, ZSCORE, RESTARTS50, ITHSCORE_FEATURES
  }

  /** Which slice the habitats are computed on. */
  public enum SlicePolicy {
    OWN, FIXED
  }

  /**
   * One pipeline run.
   *
   * @param caseId e.g. STS_002
   * @param policy slice policy
   * @param rater mask variant
   * @param seed K-means seed
   * @param maskVoxels voxels of the (perturbed) 3D mask
   * @param slice z of the habitat slice
   * @param tumourPixels tumour pixels on that slice
   * @param ringPixels ring pixels on that slice
   * @param ith ITH score (tumour clustered alone)
   * @param combined combined ITH score (tumour ∪ ring clustered jointly)
   * @param ringOnly ring-only ITH score of the joint clustering
   * @param millis wall time of the pipeline run
   */
  public record Row(String caseId, SlicePolicy policy, Rater rater, long seed, int maskVoxels,
      int slice, int tumourPixels, int ringPixels, double ith, double combined, double ringOnly,
      double millis) {}

  private static final String[] HEADER = {"case_id", "slice_policy", "rater", "seed",
      "mask_voxels", "slice", "tumour_pixels", "ring_pixels", "ith_score", "combined_ith_score",
      "ring_ith_score", "millis"};

  private ReproducibilityStudy() {}

  /** The case directories that hold both files, sorted. */
  public static List<Path> cases() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(DATA)) {
      s.filter(p -> p.getFileName().toString().startsWith("STS_"))
          .filter(p -> Files.exists(p.resolve("MR_T1_image.nii.gz"))
              && Files.exists(p.resolve("MR_T1_mask.nii.gz")))
          .sorted().forEach(out::add);
    }
    return out;
  }

  /** Image and tumour mask of a case directory. */
  public static Object[] load(Path dir) throws Exception {
    Volume img = NiftiReader.read(dir.resolve("MR_T1_image.nii.gz")).volume();
    Volume lab = NiftiReader.read(dir.resolve("MR_T1_mask.nii.gz")).volume();
    Mask m = Masks.fromLabelImage(lab, Masks.LabelChoice.auto()).mask();
    Masks.checkSameGrid(img.geometry(), m.geometry(), "MR_T1_image.nii.gz",
        "MR_T1_mask.nii.gz");
    return new Object[] {img, m};
  }

  /** {original, eroded, dilated}, indexed by {@link Rater#ordinal()}. */
  public static Mask[] perturb(Mask m, Morphology.Neighbourhood n) {
    return new Mask[] {m, Morphology.erode(m, n), Morphology.dilate(m, n)};
  }

  /** Default pipeline settings with the given thread count and K-means seed. */
  public static CasePipeline.Settings settings(int threads, long seed) {
    return settings(threads, seed, Variant.DEFAULT);
  }

  /** Pipeline settings of a variant with the given thread count and K-means seed. */
  public static CasePipeline.Settings settings(int threads, long seed, Variant v) {
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    IthPipeline.Options h = d.habitats();
    HabitatClustering.Options c = h.clustering().withSeed(seed);
    if (v == Variant.RESTARTS50) {
      c = c.withRestarts(50);
    }
    FeatureStandardizer.Method st = v == Variant.ZSCORE ? FeatureStandardizer.Method.Z_SCORE
        : h.standardization();
    return new CasePipeline.Settings(d.radiomics(), d.ringMm(), d.ringMode(), d.largestSliceOnly(),
        d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(),
        new IthPipeline.Options(st, c, h.ith()),
        threads);
  }

  /** The variant of the current run (main's third argument). */
  static Variant variant = Variant.DEFAULT;

  /** ITHscore-package path on slice z: 107 window features, package scaling, K-means, ITH. */
  static double ithscorePackageScore(Volume img, Mask m, int z, CasePipeline.Settings s) {
    IthscoreWindowFeatures.Result f = IthscoreWindowFeatures.compute(img, m, z, s.threads(),
        Progress.NONE);
    String[] names = f.features().stream().map(FeatureInfo::pyradiomicsName)
        .toArray(String[]::new);
    double[][] rows = FeatureStandardizer.transpose(FeatureStandardizer.ithscoreScaling(
        FeatureStandardizer.transpose(f.values()), names));
    HabitatClustering.Result k = HabitatClustering.cluster(rows, s.habitats().clustering(),
        Progress.NONE);
    int nx = img.geometry().size(0);
    int[] map = new int[nx * img.geometry().size(1)];
    for (int p = 0; p < rows.length; p++) {
      map[f.x()[p] + nx * f.y()[p]] = k.labels()[p];
    }
    return IthScore.compute(map, nx, img.geometry().size(1), 1, s.habitats().ith()).score();
  }

  /** Runs the pipeline on slice z of mask m (see the class comment). */
  public static Row runOne(String id, SlicePolicy policy, Rater rater, Volume img, Mask m, int z,
      CasePipeline.Settings s) {
    Mask sl = IthPipeline.slice(m, z);
    long t0 = System.nanoTime();
    if (variant == Variant.ITHSCORE_FEATURES) {
      double ith = ithscorePackageScore(img, sl, z, s);
      return new Row(id, policy, rater, s.habitats().clustering().seed(), m.count(), z,
          sl.count(), 0, ith, Double.NaN, Double.NaN, (System.nanoTime() - t0) / 1e6);
    }
    CasePipeline.Result r = CasePipeline.run(img, sl, s, CasePipeline.Clinical.NONE,
        Progress.NONE);
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.habitatSlice() != z) {
      throw new IllegalStateException("habitat slice " + r.habitatSlice() + " != " + z);
    }
    return new Row(id, policy, rater, s.habitats().clustering().seed(), m.count(), z, sl.count(),
        r.ring() == null ? 0 : IthPipeline.slice(r.ring().mask(), z).count(), r.ithScore(),
        r.combinedIthScore(), r.habitats().combined() == null ? Double.NaN
            : r.habitats().combined().ringOnly().score(), ms);
  }

  /** All runs of one case: both policies × 3 raters with seed 0, plus the seed runs. */
  public static List<Row> runCase(String id, Volume img, Mask m, Morphology.Neighbourhood n,
      int threads, int seeds) {
    Mask[] p = perturb(m, n);
    CasePipeline.Settings s0 = settings(threads, 0, variant);
    int zOrig = IthPipeline.largestAreaSlice(m);
    List<Row> rows = new ArrayList<>();
    for (Rater r : Rater.values()) {
      Mask mr = p[r.ordinal()];
      int zOwn = IthPipeline.largestAreaSlice(mr);
      Row own = runOne(id, SlicePolicy.OWN, r, img, mr, zOwn, s0);
      rows.add(own);
      if (zOwn == zOrig) {
        rows.add(new Row(id, SlicePolicy.FIXED, r, 0, own.maskVoxels(), own.slice(),
            own.tumourPixels(), own.ringPixels(), own.ith(), own.combined(), own.ringOnly(),
            own.millis()));
      } else {
        rows.add(runOne(id, SlicePolicy.FIXED, r, img, mr, zOrig, s0));
      }
    }
    for (int seed = 1; seed < seeds; seed++) {
      rows.add(runOne(id, SlicePolicy.OWN, Rater.ORIGINAL, img, m, zOrig,
          settings(threads, seed, variant)));
    }
    return rows;
  }

  /**
   * The n × k rating table of one score: rows = cases (in order of first appearance), columns =
   * the given raters, seed 0.
   */
  public static double[][] ratings(List<Row> rows, SlicePolicy policy, ToDoubleFunction<Row> score,
      Rater... raters) {
    List<String> ids = new ArrayList<>();
    for (Row r : rows) {
      if (!ids.contains(r.caseId())) {
        ids.add(r.caseId());
      }
    }
    double[][] t = new double[ids.size()][raters.length];
    for (double[] row : t) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (Row r : rows) {
      if (r.policy() != policy || r.seed() != 0) {
        continue;
      }
      for (int j = 0; j < raters.length; j++) {
        if (r.rater() == raters[j]) {
          t[ids.indexOf(r.caseId())][j] = score.applyAsDouble(r);
        }
      }
    }
    return t;
  }

  /** The n × seeds table of the original mask's score across K-means seeds (policy OWN). */
  public static double[][] seedRatings(List<Row> rows, ToDoubleFunction<Row> score, int seeds) {
    List<String> ids = new ArrayList<>();
    for (Row r : rows) {
      if (!ids.contains(r.caseId())) {
        ids.add(r.caseId());
      }
    }
    double[][] t = new double[ids.size()][seeds];
    for (Row r : rows) {
      if (r.policy() == SlicePolicy.OWN && r.rater() == Rater.ORIGINAL && r.seed() < seeds) {
        t[ids.indexOf(r.caseId())][(int) r.seed()] = score.applyAsDouble(r);
      }
    }
    return t;
  }

  /** Writes the rows (long format). */
  public static void writeCsv(List<Row> rows, Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
      for (Row r : rows) {
        p.printRecord(r.caseId(), r.policy(), r.rater(), r.seed(), r.maskVoxels(), r.slice(),
            r.tumourPixels(), r.ringPixels(), Double.toString(r.ith()),
            Double.toString(r.combined()), Double.toString(r.ringOnly()),
            String.format(Locale.ROOT, "%.1f", r.millis()));
      }
    }
  }

  /** Reads rows written by {@link #writeCsv}. */
  public static List<Row> readCsv(Path in) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(r)) {
        rows.add(new Row(c.get("case_id"), SlicePolicy.valueOf(c.get("slice_policy")),
            Rater.valueOf(c.get("rater")), Long.parseLong(c.get("seed")),
            Integer.parseInt(c.get("mask_voxels")), Integer.parseInt(c.get("slice")),
            Integer.parseInt(c.get("tumour_pixels")), Integer.parseInt(c.get("ring_pixels")),
            Double.parseDouble(c.get("ith_score")), Double.parseDouble(c.get("combined_ith_score")),
            Double.parseDouble(c.get("ring_ith_score")), Double.parseDouble(c.get("millis"))));
      }
    }
    return rows;
  }

  /** ICC(2,1) with 95% CI of a rating table. */
  public static Icc.Estimate icc21Estimate(double[][] t) {
    return Icc.compute(t).get(Icc.Form.ICC2_1);
  }

  /** ICC(2,1) with 95% CI as text. */
  public static String icc21(double[][] t) {
    Icc.Estimate e = icc21Estimate(t);
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(), e.lower(), e.upper());
  }

  /** Prints the ICC table of one policy. */
  static void printIccs(List<Row> rows, SlicePolicy p) {
    System.out.println("ICC(2,1), absolute agreement, 95% CI; slice policy " + p + ":");
    String[] names = {"ITH score", "combined ITH score", "ring-only ITH score"};
    List<ToDoubleFunction<Row>> fs = List.of(Row::ith, Row::combined, Row::ringOnly);
    System.out.printf(Locale.ROOT, "  %-20s %-26s %-26s %-26s%n", "score",
        "orig/eroded/dilated", "orig vs eroded", "orig vs dilated");
    for (int i = 0; i < names.length; i++) {
      if (!Double.isFinite(rows.get(0).combined()) && i > 0) {
        continue;
      }
      double[][] t = ratings(rows, p, fs.get(i), Rater.values());
      double between = 0;
      double within = 0;
      double mean = 0;
      for (double[] r : t) {
        mean += r[0] / t.length;
      }
      for (double[] r : t) {
        between += (r[0] - mean) * (r[0] - mean) / (t.length - 1);
        double m = (r[0] + r[1] + r[2]) / 3;
        for (double v : r) {
          within += (v - m) * (v - m) / (2.0 * t.length);
        }
      }
      System.out.printf(Locale.ROOT, "  %-20s original: mean %.3f, between-case SD %.4f; "
          + "within-case (rater) SD %.4f%n", names[i], mean, Math.sqrt(between),
          Math.sqrt(within));
      System.out.printf(Locale.ROOT, "  %-20s %-26s %-26s %-26s%n", names[i],
          icc21(ratings(rows, p, fs.get(i), Rater.values())),
          icc21(ratings(rows, p, fs.get(i), Rater.ORIGINAL, Rater.ERODED)),
          icc21(ratings(rows, p, fs.get(i), Rater.ORIGINAL, Rater.DILATED)));
    }
  }

  public static void main(String[] args) throws Exception {
    Morphology.Neighbourhood n =
        args.length > 0 ? Morphology.Neighbourhood.valueOf(args[0]) : Morphology.Neighbourhood.EIGHT;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    variant = args.length > 2 ? Variant.valueOf(args[2]) : Variant.DEFAULT;
    Path csvOut = variant == Variant.DEFAULT && n == Morphology.Neighbourhood.EIGHT ? CSV
        : Path.of("target", "reproducibility_ith_" + variant.name().toLowerCase(Locale.ROOT)
            + "_" + n.name().toLowerCase(Locale.ROOT) + ".csv");
    int threads = 2;
    long t0 = System.nanoTime();
    List<Row> rows = new ArrayList<>();
    System.out.println("variant " + variant + ", neighbourhood " + n + ", threads " + threads + ", K-means seed 0 (plus "
        + "seeds 1.." + (seeds - 1) + " on the original), settings "
        + settings(threads, 0, variant).toMap());
    System.out.printf(Locale.ROOT, "%-8s %-6s %-8s %7s %4s %6s %6s %7s %7s %7s %8s%n", "case",
        "policy", "rater", "voxels", "z", "tumPx", "ringPx", "ITH", "comb", "ring", "ms");
    for (Path dir : cases()) {
      String id = dir.getFileName().toString();
      Object[] im = load(dir);
      List<Row> cr = runCase(id, (Volume) im[0], (Mask) im[1], n, threads, seeds);
      for (Row r : cr) {
        if (r.seed() == 0) {
          System.out.printf(Locale.ROOT, "%-8s %-6s %-8s %7d %4d %6d %6d %7.4f %7.4f %7.4f %8.0f%n",
              id, r.policy(), r.rater(), r.maskVoxels(), r.slice(), r.tumourPixels(),
              r.ringPixels(), r.ith(), r.combined(), r.ringOnly(), r.millis());
        }
      }
      StringBuilder sb = new StringBuilder("         seeds 0.." + (seeds - 1) + " (original) ITH:");
      for (Row r : cr) {
        if (r.rater() == Rater.ORIGINAL && r.policy() == SlicePolicy.OWN) {
          sb.append(String.format(Locale.ROOT, " %.4f/%.4f", r.ith(), r.combined()));
        }
      }
      System.out.println(sb + "  (ITH/combined)");
      rows.addAll(cr);
    }
    writeCsv(rows, csvOut);
    System.out.println();
    printIccs(rows, SlicePolicy.OWN);
    printIccs(rows, SlicePolicy.FIXED);
    if (seeds >= 2) {
      System.out.println("K-means seed-to-seed (original mask, seeds 0.." + (seeds - 1)
          + " as raters), ICC(2,1): ITH " + icc21(seedRatings(rows, Row::ith, seeds))
          + (variant == Variant.ITHSCORE_FEATURES ? ""
              : "; combined " + icc21(seedRatings(rows, Row::combined, seeds))));
    }
    System.out.printf(Locale.ROOT, "CSV: %s; total %.1f s%n", csvOut.toAbsolutePath(),
        (System.nanoTime() - t0) / 1e9);
  }
}
