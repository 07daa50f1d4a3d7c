package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.habitatj.ij.MedicalVolumeOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * An image opened with File › Import › NIfTI/NRRD (HabitatJ) keeps its file: Run ITH Pipeline
 * names the case after the file's folder and records the file's path in settings.json.
 */
class OpenedImageCaseIdTest extends SciJavaCommandTestBase {
  @TempDir Path tmp;

  @Test
  void openedImageGivesTheFolderCaseIdAndItsPath() throws Exception {
    Path img = Path.of("test-images/STS_008/MR_T1_image.nii.gz").toAbsolutePath();
    ImagePlus imp = MedicalVolumeOpener.open(img);
    Path out = tmp.resolve("out");
    // imageFile = "" (not given): the SciJava preprocessors would otherwise restore a persisted one
    CommandModule m = cs.run(RunIthPipelineCommand.class, true, "image", imp, "imageFile",
        new java.io.File(""), "maskFile",
        Path.of("test-images/STS_008/MR_T1_mask.nii.gz").toFile(), "mapFamilies", "firstorder",
        "habitats", 3, "outputDir", out.toFile()).get();
    ResultsTable rt = (ResultsTable) m.getOutput("results");
    assertEquals("STS_008", rt.getStringValue("case_id", 0));
    String image = JsonParser.parseString(Files.readString(out.resolve("settings.json")))
        .getAsJsonObject().getAsJsonObject("inputs").get("image").getAsString();
    assertEquals(img.toString(), image);
  }
}
