package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macro route's read error names the file once ("cannot read the image file X: X: ..."). */
class ImageInputsReadErrorTest {

  @TempDir Path tmp;

  @Test
  void truncatedFileIsNamedOnce() throws Exception {
    byte[] all = Files.readAllBytes(Path.of("test-images/STS_008/MR_T1_image.nii.gz"));
    Path f = tmp.resolve("cut.nii.gz");
    Files.write(f, Arrays.copyOf(all, 3000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageInputs.image(null, f.toFile(), new ArrayList<>()));
    assertEquals("cannot read the image file " + f + ": truncated: the gzip stream ends early",
        e.getMessage());
    // a message that does not start with the path keeps it whole
    assertEquals("cannot read the mask file " + f + ": boom",
        ImageInputs.readError("mask", new File(f.toString()), new RuntimeException("boom"))
            .getMessage());
  }
}
