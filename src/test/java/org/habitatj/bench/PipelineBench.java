package org.habitatj.bench;

import java.nio.file.Path;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;
import org.habitatj.io.MedicalImageReader;

/**
 * Wall time of {@link CasePipeline#run} on test-images/STS_008 (77×79×28, 8862 ROI voxels) with
 * the defaults (largest slice, ITHscore 5×5 windows, six families, K = 6, 20 restarts), and with
 * all slices. Run manually: {@code java -cp "target/test-classes:target/classes:$(cat
 * target/classpath.txt)" org.habitatj.bench.PipelineBench}. Prints the median of 5 runs after 2
 * warm-up runs.
 */
public final class PipelineBench {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("test-images", "STS_008");
    Volume v = MedicalImageReader.read(dir.resolve("MR_T1_image.nii.gz")).volume();
    Mask m = Masks.fromLabelImage(MedicalImageReader.read(dir.resolve("MR_T1_mask.nii.gz"))
        .volume(), Masks.LabelChoice.auto()).mask();
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    for (boolean all : new boolean[] {false, true}) {
      CasePipeline.Settings s = new CasePipeline.Settings(d.radiomics(), d.ringMm(), d.ringMode(),
          !all, d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(), d.habitats(), d.threads());
      long[] t = new long[5];
      for (int i = -2; i < 5; i++) {
        long t0 = System.nanoTime();
        CasePipeline.run(v, m, s, CasePipeline.Clinical.NONE, Progress.NONE);
        if (i >= 0) {
          t[i] = System.nanoTime() - t0;
        }
      }
      java.util.Arrays.sort(t);
      System.out.printf("STS_008 pipeline, %s, %d threads: median %.2f s%n",
          all ? "all slices" : "largest slice", d.threads(), t[2] / 1e9);
    }
  }
}
