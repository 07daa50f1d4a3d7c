package org.habitatj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habitatj.commands.RunIthPipelineCommand;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.PipelineInputs;
import org.habitatj.io.CsvTable;
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

  /**
   * A negative ring width is refused: below the dialog's minimum 0 (a bad option value, status 2,
   * before anything is read), and a NaN one by core validation through the macro route.
   */
  @Test
  void negativeRingWidthIsRefused() {
    String[] r = pipeline(IMAGE, MASK, "neg", "ring_mm=-2");
    assertEquals("2", r[0], r[1]);
    assertTrue(r[2].contains("'ring_mm' = -2 is outside the range of Ring width (mm): at least 0"),
        r[2]);
    assertTrue(!Files.exists(tmp.resolve("neg")), "no output folder for a refused run");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> org.habitatj.ij.CommandBridge.runWithOptions(
            org.habitatj.commands.RunIthPipelineCommand.class, "image_file=[" + IMAGE
                + "] mask_file=[" + MASK + "] ring_mm=NaN"));
    assertTrue(e.getMessage().contains("ring_mm = NaN mm is not allowed"), e.getMessage());
  }

  private static JsonObject json(Path p) throws Exception {
    return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
  }

  /**
   * README command 1's record: settings.json "inputs" give the files as absolute paths, the mask
   * source "mask file", the label actually used (1, chosen automatically) and the loader's note,
   * which is also the results' warnings; the macro route (Run ITH Pipeline with image_file /
   * mask_file) writes the very same settings.json, byte for byte, and two identical runs do too
   * (no timestamp, ordered maps).
   */
  @Test
  void settingsJsonRecordsTheInputsAsTheMacroRouteAndIsReproducible() throws Exception {
    String[] a = pipeline(IMAGE, MASK, "cli1", "case_id=STS_008");
    assertEquals("0", a[0], a[2]);
    String[] b = pipeline(IMAGE, MASK, "cli2", "case_id=STS_008");
    assertEquals("0", b[0], b[2]);
    CommandBridge.runWithOptions(RunIthPipelineCommand.class, "image_file=[" + IMAGE
        + "] mask_source=[mask file] mask_file=[" + MASK + "] label=0 case_id=STS_008"
        + " output_dir=[" + tmp.resolve("macro") + "] " + String.join(" ", OPTS));

    JsonObject j = json(tmp.resolve("cli1/settings.json"));
    JsonObject in = j.getAsJsonObject("inputs");
    assertEquals(Path.of(IMAGE).toAbsolutePath().toString(), in.get("image").getAsString());
    assertEquals(Path.of(MASK).toAbsolutePath().toString(), in.get("mask").getAsString());
    assertEquals("mask file", in.get("mask_source").getAsString());
    assertEquals(1, in.get("label").getAsInt());
    assertEquals(PipelineInputs.AUTO, in.get("label_choice").getAsString());
    assertEquals(false, in.get("mask_resampled").getAsBoolean());
    assertTrue(in.get("roma").isJsonNull());
    String note = "no label given: using label 1, the only non-zero label in the mask (8862 "
        + "voxels)";
    assertEquals(1, j.getAsJsonArray("notes").size());
    assertEquals(note, j.getAsJsonArray("notes").get(0).getAsString());
    assertEquals(note, CsvTable.read(tmp.resolve("cli1/results.csv")).get(0).get("warnings"));
    assertEquals(note, CsvTable.read(tmp.resolve("macro/results.csv")).get(0).get("warnings"));
    // the note is on standard error once, not on standard output
    assertEquals(1, a[2].split(Pattern.quote("note: " + note), -1).length - 1, a[2]);
    assertTrue(!a[1].contains("note"), a[1]);

    byte[] cli = Files.readAllBytes(tmp.resolve("cli1/settings.json"));
    assertArrayEquals(cli, Files.readAllBytes(tmp.resolve("cli2/settings.json")));
    assertEquals(Files.readString(tmp.resolve("macro/settings.json")), new String(cli,
        StandardCharsets.UTF_8));
  }

  /**
   * settings.json names what the run used: the radiomics block has no voxel-based kernel keys
   * (the maps' window is kernel_radius_voxels / masked_kernel) and spells "all" for whole
   * families; ith_options is an object with min_area; --label N is recorded as given.
   */
  @Test
  void settingsJsonFieldsAreExplicit() throws Exception {
    String[] r = pipeline(IMAGE, MASK, "s", "--label", "1", "window_radius=1");
    assertEquals("0", r[0], r[2]);
    JsonObject j = json(tmp.resolve("s/settings.json"));
    JsonObject rad = j.getAsJsonObject("radiomics");
    for (String k : new String[] {"kernelRadius", "maskedKernel", "label"}) {
      assertTrue(!rad.has(k), k);
    }
    assertEquals(25.0, rad.get("binWidth").getAsDouble(), 0);
    JsonObject ef = rad.getAsJsonObject("enabledFeatures");
    assertEquals(List.of("shape", "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm"),
        List.copyOf(ef.keySet()));
    for (String f : ef.keySet()) {
      assertEquals("all", ef.get(f).getAsString(), f);
    }
    assertEquals(1, j.get("kernel_radius_voxels").getAsInt());
    assertEquals(false, j.get("masked_kernel").getAsBoolean());
    assertEquals(List.of("firstorder"), List.of(j.getAsJsonArray("map_families").get(0)
        .getAsString()));
    JsonObject ith = j.getAsJsonObject("ith_options");
    assertEquals("EIGHT", ith.get("connectivity").getAsString());
    assertEquals(200, ith.get("min_area").getAsInt());
    assertEquals(1, ith.get("prune_size").getAsInt());
    assertEquals(1, ith.get("small_tumour_prune_size").getAsInt());
    JsonObject in = j.getAsJsonObject("inputs");
    assertEquals(1, in.get("label").getAsInt());
    assertEquals(PipelineInputs.GIVEN, in.get("label_choice").getAsString());
    assertEquals(0, j.getAsJsonArray("notes").size());
    assertEquals(3, j.get("k").getAsInt());
    assertEquals(1, j.get("seed").getAsInt());
  }

  /**
   * Standard output holds only the result ("case ID" and "  key = value" lines); progress and the
   * output folder go to standard error.
   */
  @Test
  void standardOutputHoldsOnlyTheResult() {
    String[] r = pipeline(IMAGE, MASK, "o");
    assertEquals("0", r[0], r[2]);
    String[] lines = r[1].split("\n");
    assertEquals("case STS_008", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].matches("  [a-zA-Z_]+ = \\S+"), lines[i]);
    }
    assertTrue(r[1].contains("  ith_score = "), r[1]);
    assertTrue(!r[1].contains("nomogram_probability"), "empty values are not printed: " + r[1]);
    assertTrue(r[2].contains("Run ITH Pipeline: Habitats"), r[2]);
    assertTrue(r[2].contains("outputs in " + tmp.resolve("o")), r[2]);
  }

  /** An out folder holding results is refused (inputs and results are never overwritten). */
  @Test
  void existingResultsAreRefusedUnlessOverwrite() throws Exception {
    Path o = tmp.resolve("again");
    Files.createDirectories(o);
    Files.writeString(o.resolve("notes.txt"), "mine");
    assertEquals("0", pipeline(IMAGE, MASK, "again")[0], "a folder without results is used");
    byte[] before = Files.readAllBytes(o.resolve("results.csv"));
    Files.writeString(o.resolve("results.csv"), "old");
    String[] r = pipeline(IMAGE, MASK, "again", "seed=2");
    assertEquals("1", r[0], r[1]);
    assertTrue(r[2].contains("the output folder " + o + " already holds HabitatJ results "
        + "(results.csv, settings.json); choose another folder with --out, or add --overwrite"),
        r[2]);
    assertEquals("old", Files.readString(o.resolve("results.csv")));
    Files.delete(o.resolve("results.csv"));
    r = pipeline(IMAGE, MASK, "again");
    assertEquals("1", r[0], "settings.json alone marks results too");
    assertTrue(r[2].contains("(settings.json)"), r[2]);
    r = pipeline(IMAGE, MASK, "again", "--overwrite");
    assertEquals("0", r[0], r[2]);
    assertArrayEquals(before, Files.readAllBytes(o.resolve("results.csv")));
    assertEquals("mine", Files.readString(o.resolve("notes.txt")));
  }

  /**
   * --overwrite with ring_mm=0 after a run with a ring: the earlier run's ring and joint habitat
   * files (not written by this run) are removed and named in the notes, so the folder never mixes
   * two runs; the NaN ring scores are left out of standard output. Run ITH Pipeline from a macro
   * refuses the used folder unless overwrite=true, and names the case after the image's folder.
   */
  @Test
  void overwriteRemovesStaleOutputsAndTheMacroRouteRefusesAUsedFolder() throws Exception {
    Path o = tmp.resolve("rerun");
    assertEquals("0", pipeline(IMAGE, MASK, "rerun")[0]);
    // results.csv: plain decimals (Energy is about 9.19e8, Java would write 9.1944737E8)
    String csv = Files.readString(o.resolve("results.csv"));
    assertTrue(!java.util.regex.Pattern.compile("[0-9]E[-+]?[0-9]").matcher(csv).find(), csv);
    java.util.Map<String, String> row = org.habitatj.io.CsvTable.read(o.resolve("results.csv"))
        .get(0);
    assertTrue(Double.parseDouble(row.get("original_firstorder_Energy")) > 1e8,
        row.get("original_firstorder_Energy"));
    for (String f : List.of("ring_mask.nii.gz", "ring_mask.tif", "habitat_map_joint.nii.gz",
        "habitat_map_joint.tif")) {
      assertTrue(Files.exists(o.resolve(f)), f);
    }
    String[] r = pipeline(IMAGE, MASK, "rerun", "--overwrite", "ring_mm=0");
    assertEquals("0", r[0], r[2]);
    for (String f : List.of("ring_mask.nii.gz", "ring_mask.tif", "habitat_map_joint.nii.gz",
        "habitat_map_joint.tif")) {
      assertTrue(!Files.exists(o.resolve(f)), "stale " + f + " left behind");
    }
    assertTrue(Files.exists(o.resolve("habitat_map.nii.gz")));
    JsonObject js = json(o.resolve("settings.json"));
    assertTrue(js.get("notes").toString().contains("removed output files of an earlier run that "
        + "this run does not write: habitat_map_joint.nii.gz, habitat_map_joint.tif, "
        + "ring_mask.nii.gz, ring_mask.tif"), js.get("notes").toString());
    assertTrue(!r[1].contains("NaN"), r[1]);
    assertTrue(!r[1].contains("combined_ith_score"), r[1]);
    assertTrue(r[1].contains("ith_score = "), r[1]);

    String macro = "image_file=[" + IMAGE + "] mask_file=[" + MASK + "] map_families=firstorder "
        + "habitats=3 seed=1 output_dir=[" + o + "]";
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> org.habitatj.ij.CommandBridge.runWithOptions(
            org.habitatj.commands.RunIthPipelineCommand.class, macro));
    assertTrue(e.getMessage().contains("already holds HabitatJ results (results.csv, "
        + "settings.json)"), e.getMessage());
    java.util.Map<String, Object> out = org.habitatj.ij.CommandBridge.runWithOptions(
        org.habitatj.commands.RunIthPipelineCommand.class, macro + " overwrite=true");
    ij.measure.ResultsTable rt = (ij.measure.ResultsTable) out.get("results");
    assertEquals("STS_008", rt.getStringValue("case_id", 0));
  }

  /** The skipped-nomogram note says what is missing; a missing YAML is named once. */
  @Test
  void skippedNomogramNamesWhatIsMissingAndMissingYamlIsNamedOnce() throws Exception {
    String[] r = pipeline(IMAGE, MASK, "nomo", "composition=solid");
    assertEquals("0", r[0], r[2]);
    JsonObject js = json(tmp.resolve("nomo").resolve("settings.json"));
    assertTrue(js.get("notes").toString().contains("nomogram skipped: it needs ROMA, composition "
        + "and a combined ITH score; missing: ROMA (roma=...)"), js.get("notes").toString());
    Path yaml = tmp.resolve("absent.yaml");
    r = pipeline(IMAGE, MASK, "yaml", "settings_file=" + yaml);
    assertEquals("1", r[0], r[2]);
    assertTrue(r[2].contains("cannot read the settings file " + yaml + ": "), r[2]);
    assertEquals(1, r[2].split(java.util.regex.Pattern.quote(yaml.toString()), -1).length - 1,
        r[2]);
  }

  /** Values copied from a macro line keep working: [a,b] and [with space]. */
  @Test
  void bracketedMacroValuesAreAccepted() {
    String[] r = pipeline(IMAGE, MASK, "brackets", "bin_width=[25]",
        "case_id=[my case]");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith("case my case\n"), r[1]);
  }

  /** A window wider than the image is said (STS_008 is 77 × 79 × 28 voxels). */
  @Test
  void windowWiderThanTheImageIsNoted() throws Exception {
    String[] r = pipeline(IMAGE, MASK, "wide", "window_radius=39");
    assertEquals("0", r[0], r[2]);
    JsonObject js = json(tmp.resolve("wide").resolve("settings.json"));
    assertTrue(js.get("notes").toString().contains("the feature-map window (79 voxels across, "
        + "radius 39) is larger than the image along x (77 voxels): every window is clipped to "
        + "the image there"), js.get("notes").toString());
    // and wider than the tumour (STS_008's largest slice spans 37 x 33 voxels, as the whole ROI:
    // bounding box x 20–56, y 28–60 in MainTest's info)
    assertTrue(js.get("notes").toString().contains("the feature-map window (79 voxels across) is"
        + " wider than the tumour (37 x 33 voxels in-plane)"), js.get("notes").toString());
  }

  /** An output "folder" that is a file is refused before any computation, naming it. */
  @Test
  void outputFolderThatIsAFileIsRefused() throws Exception {
    Path file = tmp.resolve("a file");
    Files.writeString(file, "keep me");
    String[] r = run("pipeline", IMAGE, MASK, "--out", file.toString());
    assertEquals("1", r[0], r[1]);
    assertTrue(r[2].contains("cannot write to " + file + ": it is a file, not a folder"), r[2]);
    assertTrue(!r[2].contains("Feature maps"), "refused before the maps: " + r[2]);
    assertEquals("keep me", Files.readString(file));
  }

  /** A window radius below the dialog's minimum 1 is refused (it made 40 features non-finite). */
  @Test
  void windowRadiusBelowItsMinimumIsRefused() {
    String[] r = pipeline(IMAGE, MASK, "r0", "window_radius=0");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("'window_radius' = 0 is outside the range of Window radius (voxels):"
        + " at least 1"), r[2]);
  }

  /** A label given twice, differently, is an error (not silently the last one). */
  @Test
  void conflictingLabelOptionsAreRefused() {
    String[] r = pipeline(IMAGE, MASK, "twice", "--label", "1", "label=2");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("the label is given twice and differently (--label 1, label=2)"),
        r[2]);
    assertEquals("2", pipeline(IMAGE, MASK, "twice2", "--nonzero", "--label", "1")[0]);
  }

  /** CLI errors name the CLI options (the core messages keep the macro settings' names). */
  @Test
  void errorsNameTheCommandLineOptions() throws Exception {
    Volume m = NiftiReader.read(Path.of(MASK)).volume();
    double[] v = m.toDoubleArray();
    // the first ROI voxel becomes label 2, the others stay 1
    double[] two = v.clone();
    for (int i = 0; i < two.length; i++) {
      if (two[i] != 0) {
        two[i] = 2;
        break;
      }
    }
    Path twoLabels = tmp.resolve("two.nii.gz");
    NiftiWriter.write(Volume.ofDoubles(two, m.geometry()), VoxelType.UINT8, twoLabels, false);
    String[] r = run("info", IMAGE, twoLabels.toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("mask has several labels {1, 2}; choose one with --label N (or "
        + "--nonzero for the union of all labels)"), r[2]);
    r = pipeline(IMAGE, twoLabels.toString(), "two");
    assertTrue(r[2].contains("choose one with --label N"), r[2]);

    r = run("info", IMAGE, MASK, "--label", "7");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("label 7 is not present in the mask; labels present: {1} (use "
        + "--label 1)"), r[2]);

    Geometry g = m.geometry();
    Geometry other = new Geometry(g.size(), new double[] {g.spacing(0) * 2, g.spacing(1),
        g.spacing(2)}, g.origin(), g.direction());
    Path moved = tmp.resolve("moved.nii.gz");
    NiftiWriter.write(Volume.ofDoubles(v, other), VoxelType.UINT8, moved, false);
    r = pipeline(IMAGE, moved.toString(), "moved");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("if it is on purpose, add --resample-mask to resample the mask onto "
        + "the image grid (nearest neighbour)."), r[2]);

    double[] f = v.clone();
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i] != 0 ? 1.0 / 255 : 0;
    }
    Path flt = tmp.resolve("float.nii.gz");
    NiftiWriter.write(Volume.ofDoubles(f, g), VoxelType.FLOAT32, flt, false);
    r = run("info", IMAGE, flt.toString());
    assertTrue(r[2].contains("use --nonzero"), r[2]);

    r = pipeline(IMAGE, MASK, "typo", "habitat=4");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("error: unknown key(s) habitat; valid keys: label, settings_file, "
        + "bin_width, ring_mm, habitats,"), r[2]);
    assertTrue(!r[2].contains("image_file") && !r[2].contains("output_dir"), r[2]);
    assertTrue(!Files.exists(tmp.resolve("typo")));

    // the core keeps the macro wording for macro users
    MaskException e = org.junit.jupiter.api.Assertions.assertThrows(MaskException.class,
        () -> Masks.fromLabelImage(Volume.ofDoubles(two, g), Masks.LabelChoice.auto()));
    assertTrue(e.getMessage().endsWith("choose one with the 'label' setting"), e.getMessage());
  }
}
