package org.habitatj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habitatj.core.image.Volume;
import org.habitatj.io.NiftiReader;
import org.habitatj.io.NiftiWriter;
import org.habitatj.io.VoxelType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline} loads image and mask as {@code info} does: a DICOM series folder of STS_008 T1
 * gives the same ITH score as the NIfTI conversion of the same series (../shared/data/ibsi_sts_mr,
 * PROVENANCE.md: the NIfTI files were converted from these DICOM files, same voxels and grid), and
 * a float mask with values 0/(1/255) (case C03) selected with {@code --nonzero} gives the same
 * score as the 0/1 mask.
 */
class PipelineCliTest {

  private static final Path SHARED = Path.of("..", "shared", "data", "ibsi_sts_mr");
  private static final String IMAGE = "test-images/STS_008/MR_T1_image.nii.gz";
  private static final String MASK = "test-images/STS_008/MR_T1_mask.nii.gz";
  // fast settings: first-order maps only; both runs use the same ones
  private static final String[] OPTS = {"map_families=firstorder", "habitats=3", "seed=1"};

  @TempDir Path tmp;

  private static String[] run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8),
      e.toString(StandardCharsets.UTF_8)};
  }

  private String[] pipeline(String image, String mask, String out, String... more) {
    String[] a = new String[5 + OPTS.length + more.length];
    a[0] = "pipeline";
    a[1] = image;
    a[2] = mask;
    a[3] = "--out";
    a[4] = tmp.resolve(out).toString();
    System.arraycopy(OPTS, 0, a, 5, OPTS.length);
    System.arraycopy(more, 0, a, 5 + OPTS.length, more.length);
    return run(a);
  }

  private static double ith(String stdout) {
    Matcher m = Pattern.compile("ith_score = (\\S+)").matcher(stdout);
    assertTrue(m.find(), stdout);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void dicomFolderGivesSameScoreAsNifti() {
    Path dicom = SHARED.resolve("dicom/STS_008/MR_T1/image");
    Assumptions.assumeTrue(Files.isDirectory(dicom));
    String mask = SHARED.resolve("nifti/STS_008/MR_T1_mask.nii.gz").toString();
    String[] nii = pipeline(SHARED.resolve("nifti/STS_008/MR_T1_image.nii.gz").toString(), mask,
        "nii");
    assertEquals("0", nii[0], nii[2]);
    String[] dcm = pipeline(dicom.toString(), mask, "dcm");
    assertEquals("0", dcm[0], dcm[2]);
    double a = ith(nii[1]);
    assertTrue(a > 0 && a < 1, nii[1]);
    assertEquals(a, ith(dcm[1]), 1e-12, dcm[1]);
    assertTrue(Files.isRegularFile(tmp.resolve("dcm/results.csv")));
  }

  @Test
  void nonzeroAndLabelOptionsAsInInfo() throws Exception {
    // C03: a float mask 0 / 0.0039 (= 1/255)
    Volume m = NiftiReader.read(Path.of(MASK)).volume();
    double[] v = m.toDoubleArray();
    for (int i = 0; i < v.length; i++) {
      v[i] = v[i] != 0 ? 1.0 / 255 : 0;
    }
    Path f = tmp.resolve("float_mask.nii.gz");
    NiftiWriter.write(Volume.ofDoubles(v, m.geometry()), VoxelType.FLOAT32, f, false);
    String[] ref = pipeline(IMAGE, MASK, "ref", "--label", "1");
    assertEquals("0", ref[0], ref[2]);
    String[] nz = pipeline(IMAGE, f.toString(), "nz", "--nonzero");
    assertEquals("0", nz[0], nz[2]);
    assertEquals(ith(ref[1]), ith(nz[1]), 1e-12);
    // same message as info for a label that is absent
    String[] bad = pipeline(IMAGE, MASK, "bad", "--label", "2");
    assertEquals("1", bad[0]);
    assertTrue(bad[2].contains("label 2 is not present in the mask; labels present: {1}"),
        bad[2]);
    assertEquals("2", pipeline(IMAGE, MASK, "x", "--bogus")[0]);
  }

  @Test
  void folderWithoutDicomNamesSubfoldersWithSeries() {
    Path sts = SHARED.resolve("dicom/STS_008");
    Assumptions.assumeTrue(Files.isDirectory(sts.resolve("MR_T1/image")));
    String[] r = run("info", sts.toString(), MASK);
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("no DICOM files in this folder; subfolders holding DICOM series: "
        + Path.of("MR_T1", "image")), r[2]);
  }

  /** A negative ring width is refused (core validation) by the CLI and by the macro route. */
  @Test
  void negativeRingWidthIsRefused() {
    String[] r = pipeline(IMAGE, MASK, "neg", "ring_mm=-2");
    assertEquals("1", r[0], r[1]);
    assertTrue(r[2].contains("ring_mm = -2.0 mm is not allowed"), r[2]);
    assertTrue(!Files.exists(tmp.resolve("neg")), "no output folder for a refused run");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> org.habitatj.ij.CommandBridge.runWithOptions(
            org.habitatj.commands.RunIthPipelineCommand.class, "image_file=[" + IMAGE
                + "] mask_file=[" + MASK + "] ring_mm=NaN"));
    assertTrue(e.getMessage().contains("ring_mm = NaN mm is not allowed"), e.getMessage());
  }
}
