package org.habitatj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.CombinedIthScore;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;

/**
 * Speed of the whole chain (issue 5, "Speed", goal &lt; 2 s on 2 cores) on a real 3D tumour in full
 * 3D mode: ring → feature maps → K-means → ITH and combined ITH scores, with {@link
 * CasePipeline.Settings#defaults()} (the ITHscore package's computation: 5×5 in-plane windows not
 * restricted to the ROI, grey levels per window, six feature families, min–max, K = 6 with 20
 * restarts and seed 0, 8-connectivity with 1-pixel regions dropped) except {@code largestSliceOnly
 * = false} (all slices), 3D connectivity (26) and the given thread count.
 *
 * <p>The stages are the public calls {@link CasePipeline#run} makes (it also computes the
 * whole-ROI features, which are not part of this chain), each timed:
 *
 * <ul>
 *   <li>ring: {@link PeritumoralRing#compute} (3 mm, per slice);
 *   <li>maps: {@link CasePipeline#habitatInputs} (maps over tumour ∪ ring, voxel features,
 *       features non-finite anywhere dropped);
 *   <li>habitats + scores: {@link IthPipeline#run} (standardisation + K-means of the tumour alone
 *       and of tumour ∪ ring, ITH, combined and ring-only scores).
 * </ul>
 *
 * Prints medians of {@code reps} runs after {@code warm} warm-up runs, plus the process CPU time,
 * and checks that the chain's scores equal {@code CasePipeline.run}'s. Run: {@code java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) org.habitatj.bench.ChainBench [case]
 * [warm] [reps] [threads]} (default STS_002, 17,090 voxels).
 */
public final class ChainBench {

  private ChainBench() {}

  public static void main(String[] args) throws Exception {
    String id = args.length > 0 ? args[0] : "STS_002";
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Path dir = ReproducibilityStudy.DATA.resolve(id);
    if (!Files.isDirectory(dir)) {
      System.out.println("../shared not present");
      return;
    }
    Object[] im = ReproducibilityStudy.load(dir);
    Volume img = (Volume) im[0];
    Mask tumour = (Mask) im[1];
    CasePipeline.Settings s = settings(threads);
    long[][] t = new long[4][reps];
    long[][] pc = new long[3][reps];
    long[] cpu = new long[reps];
    double ith = 0;
    double comb = 0;
    int ringVox = 0;
    int nf = 0;
    for (int it = -warm; it < reps; it++) {
      long c0 = IthBench.cpu();
      long a = System.nanoTime();
      PeritumoralRing.Result ring = PeritumoralRing.builder().distanceMm(s.ringMm())
          .mode(s.ringMode()).build().compute(tumour);
      long b = System.nanoTime();
      long c1 = IthBench.cpu();
      CasePipeline.HabitatInputs in = CasePipeline.habitatInputs(img, tumour, ring.mask(), s,
          new ArrayList<>(), Progress.NONE);
      long c = System.nanoTime();
      long c2 = IthBench.cpu();
      IthPipeline.Result h = IthPipeline.run(in.tumourFeatures(), in.ringFeatures(), s.habitats(),
          Progress.NONE);
      long e = System.nanoTime();
      ith = h.tumourIth().score();
      comb = h.combined().combined().score();
      ringVox = ring.voxels();
      nf = in.tumourFeatures().featureCount();
      if (it >= 0) {
        t[0][it] = b - a;
        t[1][it] = c - b;
        t[2][it] = e - c;
        t[3][it] = e - a;
        cpu[it] = IthBench.cpu() - c0;
        pc[0][it] = c1 - c0;
        pc[1][it] = c2 - c1;
        pc[2][it] = cpu[it] - (c2 - c0);
      }
    }
    System.out.printf(Locale.ROOT, "%s full 3D: tumour %d voxels, ring %d voxels (%s), %d map "
        + "features kept, %d threads; median of %d runs after %d warm-up%n", id, tumour.count(),
        ringVox, s.ringMode(), nf, threads, reps, warm);
    System.out.printf(Locale.ROOT, "  ring %.1f ms | maps %.1f ms | habitats (K-means tumour + "
        + "joint) + scores %.1f ms | total %.1f ms (process CPU %.1f ms); ITH %.4f, combined "
        + "%.4f%n", IthBench.median(t[0]), IthBench.median(t[1]), IthBench.median(t[2]),
        IthBench.median(t[3]), IthBench.median(cpu), ith, comb);
    System.out.printf(Locale.ROOT, "  process CPU per stage: ring %.0f ms | maps %.0f ms | "
        + "habitats + scores %.0f ms%n", IthBench.median(pc[0]), IthBench.median(pc[1]),
        IthBench.median(pc[2]));
    System.out.println("  load average " + IthBench.load());
    // cross-check with the pipeline itself (also computes whole-ROI features)
    long a = System.nanoTime();
    CasePipeline.Result r = CasePipeline.run(img, tumour, s, CasePipeline.Clinical.NONE,
        Progress.NONE);
    System.out.printf(Locale.ROOT, "  CasePipeline.run (incl. whole-ROI features): %.1f ms; ITH "
        + "%.4f, combined %.4f (%s)%n", (System.nanoTime() - a) / 1e6, r.ithScore(),
        r.combinedIthScore(), r.ithScore() == ith && r.combinedIthScore() == comb
            ? "same as the chain" : "DIFFERENT from the chain");
  }

  /** The pipeline defaults on all slices with 26-connectivity and {@code threads} threads. */
  static CasePipeline.Settings settings(int threads) {
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    return new CasePipeline.Settings(d.radiomics(), d.ringMm(), d.ringMode(), false, d.kernel(),
        d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(),
        new IthPipeline.Options(d.habitats().standardization(), d.habitats().clustering(),
            org.habitatj.core.ith.IthScore.Options.of(
                org.habitatj.core.ith.Connectivity.TWENTY_SIX)), threads);
  }
}
