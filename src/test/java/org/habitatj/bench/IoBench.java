package org.habitatj.bench;

import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.ij.DicomSeries;
import org.habitatj.ij.ImagePlusVolumes;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.MedicalImageReader;

/**
 * Manual I/O benchmark (not a test): median wall time of reading files, wrapping an ImagePlus and
 * building a mask. Run: {@code java -cp "target/classes:target/test-classes:$(cat
 * target/classpath.txt)" org.habitatj.bench.IoBench}.
 */
public final class IoBench {

  private IoBench() {}

  interface Task {
    Object run() throws Exception;
  }

  static void time(String name, int reps, Task t) throws Exception {
    long[] ns = new long[reps];
    for (int i = 0; i < 3; i++) {
      t.run();
    }
    for (int i = 0; i < reps; i++) {
      long s = System.nanoTime();
      t.run();
      ns[i] = System.nanoTime() - s;
    }
    java.util.Arrays.sort(ns);
    System.out.printf("%-55s median %8.2f ms (min %.2f)%n", name, ns[reps / 2] / 1e6, ns[0] / 1e6);
  }

  public static void main(String[] args) throws Exception {
    Path sample = Path.of("test-images/STS_008/MR_T1_image.nii.gz");
    Path sampleMask = Path.of("test-images/STS_008/MR_T1_mask.nii.gz");
    time("NIfTI read STS_008 image (77x79x28 float32, gz)", 21,
        () -> MedicalImageReader.read(sample));
    LoadedImage m = MedicalImageReader.read(sampleMask);
    time("Masks.fromLabelImage STS_008 (auto label)", 21,
        () -> Masks.fromLabelImage(m.volume(), Masks.LabelChoice.auto()));
    Path brain = Path.of("..", "shared", "data", "pyradiomics", "brain1_image.nrrd");
    if (Files.exists(brain)) {
      time("NRRD read brain1 (256x256x25 int16, gzip)", 11, () -> MedicalImageReader.read(brain));
      LoadedImage b = MedicalImageReader.read(brain);
      ImagePlus imp = ImagePlusVolumes.toImagePlus(b, "brain1");
      time("ImagePlusVolumes.wrap brain1 (no copy)", 101, () -> ImagePlusVolumes.wrap(imp));
      Volume v = ImagePlusVolumes.wrap(imp);
      time("Volume.toDoubleArray brain1 via signed-16 view (1.6 MVox)", 11, v::toDoubleArray);
    }
    Path dcm = Path.of("..", "shared", "data", "ibsi_sts_mr", "dicom", "STS_008", "MR_T1",
        "image");
    if (Files.exists(dcm)) {
      time("DicomSeries.open STS_008 (28 files)", 11, () -> DicomSeries.open(dcm));
    }
  }
}
