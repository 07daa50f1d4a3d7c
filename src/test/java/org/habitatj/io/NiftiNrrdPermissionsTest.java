package org.habitatj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIfTI and NRRD files get the same permissions as any file the JVM creates in the same folder
 * (default permissions under the umask, e.g. 0644), not the owner-only 0600 of a temp file.
 * POSIX file systems only.
 */
class NiftiNrrdPermissionsTest {

  @TempDir Path dir;

  @Test
  void writtenImagesHaveDefaultPermissions() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews()
        .contains("posix"));
    Path plain = dir.resolve("plain.csv");
    Files.write(plain, new byte[] {1});
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    Mask m = new Mask(new byte[] {0, 1, 1, 0},
        new Geometry(new int[] {2, 2, 1}, new double[] {1, 1, 1}, new double[3],
            new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}));
    Path nii = dir.resolve("mask.nii.gz");
    NiftiWriter.write(m, nii);
    Path nrrd = dir.resolve("mask.nrrd");
    NrrdWriter.write(m, nrrd);
    assertEquals(expected, Files.getPosixFilePermissions(nii));
    assertEquals(expected, Files.getPosixFilePermissions(nrrd));
    // under the usual umask (022) the group and others may read it (the file plain shows it)
    if (expected.contains(PosixFilePermission.OTHERS_READ)) {
      assertEquals(true, Files.getPosixFilePermissions(nii)
          .contains(PosixFilePermission.OTHERS_READ));
    }
    // no temporary file left behind
    try (var s = Files.list(dir)) {
      assertEquals(3, s.count());
    }
  }
}
