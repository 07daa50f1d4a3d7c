package org.habitatj.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.PartitionAgreement;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.progress.Progress;

/**
 * Teaching demo: a synthetic one-slice "MR" tumour with three known habitats, run through the
 * pipeline for K = kMin..kMax, so a class can see image → ring → feature maps → habitat maps → ITH
 * scores, and how the habitats found compare with the truth (adjusted Rand index).
 *
 * <p>Phantom (128 × 128 × 1 voxels, 1 × 1 × 3 mm, seeded Gaussian noise): background 100 ± 10; an
 * elliptical tumour (semi-axes 36 × 28 voxels) made of a dark necrotic core (normalised radius &lt;
 * 0.45: 60 ± 4), a bright heterogeneous rim on the left (220 ± 35) and a smooth intermediate rim on
 * the right (150 ± 6); a 6-voxel oedema band around the tumour (130 ± 12). True habitats: core = 1,
 * left rim = 2, right rim = 3.
 */
public final class HabitatDemo {

  private HabitatDemo() {}

  /** The phantom: image, tumour mask, true habitat per voxel (0 outside the tumour). */
  public record Phantom(Volume image, Mask tumour, int[] truth) {}

  /** One K: the habitats, ITH scores and agreement with the truth. */
  public record Step(int k, IthPipeline.Result habitats, double ithScore, double combinedIthScore,
      double adjustedRandIndex) {}

  /** The whole demo: the phantom, the pipeline at the first K (ring, maps) and every K. */
  public record Result(Phantom phantom, CasePipeline.Result pipeline, List<Step> steps) {}

  /** Builds the phantom. */
  public static Phantom phantom(long seed) {
    int n = 128;
    Geometry g = new Geometry(new int[] {n, n, 1}, new double[] {1, 1, 3}, new double[3],
        Geometry.identity());
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] v = new float[n * n];
    byte[] m = new byte[n * n];
    int[] truth = new int[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int i = x + n * y;
        double dx = (x - 64) / 36.0;
        double dy = (y - 64) / 28.0;
        double r = Math.sqrt(dx * dx + dy * dy);
        double edgeDist = (r - 1) * 30; // approximately voxels outside the ellipse
        double mean;
        double sd;
        if (r < 1) {
          m[i] = 1;
          if (r < 0.45) {
            truth[i] = 1;
            mean = 60;
            sd = 4;
          } else if (x < 64) {
            truth[i] = 2;
            mean = 220;
            sd = 35;
          } else {
            truth[i] = 3;
            mean = 150;
            sd = 6;
          }
        } else if (edgeDist < 6) {
          mean = 130;
          sd = 12;
        } else {
          mean = 100;
          sd = 10;
        }
        v[i] = (float) Math.max(0, Math.rint(mean + sd * gaussian(rnd)));
      }
    }
    return new Phantom(Volume.ofFloats(v, g), new Mask(m, g), truth);
  }

  /**
   * Runs the demo.
   *
   * @param seed phantom noise and K-means seed
   * @param kMin first K (≥ 2)
   * @param kMax last K (≥ kMin)
   */
  public static Result run(long seed, int kMin, int kMax, Progress progress) {
    if (kMin < 2 || kMax < kMin) {
      throw new IllegalArgumentException("K range must satisfy 2 <= kMin <= kMax, got " + kMin
          + ".." + kMax);
    }
    Phantom p = phantom(seed);
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    IthPipeline.Options base = d.habitats();
    CasePipeline.Settings s = new CasePipeline.Settings(d.radiomics(), d.ringMm(), d.ringMode(),
        true, d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(), withK(base, kMin, seed), d.threads());
    CasePipeline.Result first = CasePipeline.run(p.image(), p.tumour(), s,
        CasePipeline.Clinical.NONE, progress);
    List<String> notes = new ArrayList<>();
    VoxelFeatures[] vf = CasePipeline.voxelFeatures(first.maps(), p.tumour(),
        first.ring().mask(), notes);
    List<Step> steps = new ArrayList<>();
    for (int k = kMin; k <= kMax; k++) {
      progress.checkCanceled();
      progress.status("Habitats K = " + k);
      IthPipeline.Result h = k == kMin ? first.habitats()
          : IthPipeline.run(vf[0], vf[1], withK(base, k, seed), Progress.NONE);
      int[] found = h.tumourMap().labelsAsInt();
      int[] a = new int[vf[0].voxelCount()];
      int[] b = new int[a.length];
      int[] vox = vf[0].voxels();
      for (int i = 0; i < vox.length; i++) {
        a[i] = p.truth()[vox[i]];
        b[i] = found[vox[i]];
      }
      steps.add(new Step(k, h, h.tumourIth().score(),
          h.combined() == null ? Double.NaN : h.combined().combined().score(),
          PartitionAgreement.adjustedRand(a, b)));
      progress.fraction((double) (k - kMin + 1) / (kMax - kMin + 1));
    }
    return new Result(p, first, steps);
  }

  private static IthPipeline.Options withK(IthPipeline.Options o, int k, long seed) {
    HabitatClustering.Options c = o.clustering().withK(k).withSeed(seed);
    return new IthPipeline.Options(o.standardization(), c, o.ith());
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller, one value per call (deterministic for a seed)
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
