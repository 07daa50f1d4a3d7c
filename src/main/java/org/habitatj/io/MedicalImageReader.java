package org.habitatj.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an image file by its extension: {@code .nii}, {@code .nii.gz}, {@code .hdr} (NIfTI-1) and
 * {@code .nrrd}, {@code .nhdr} (NRRD). DICOM and TIFF go through ImageJ ({@code
 * org.habitatj.ij.ImagePlusVolumes}).
 */
public final class MedicalImageReader {

  private MedicalImageReader() {}

  /** Whether {@link #read(Path)} handles this file name. */
  public static boolean supports(Path path) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".hdr")
        || n.endsWith(".hdr.gz") || n.endsWith(".nrrd") || n.endsWith(".nhdr");
  }

  /**
   * Reads a NIfTI-1 or NRRD file.
   *
   * @throws ImageFormatException naming the file, for unknown extensions and every reader error
   */
  public static LoadedImage read(Path path) throws ImageFormatException {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".nrrd") || n.endsWith(".nhdr")) {
      return NrrdReader.read(path);
    }
    if (n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".hdr")
        || n.endsWith(".hdr.gz")) {
      return NiftiReader.read(path);
    }
    throw new ImageFormatException(
        path, "unknown image file type (expected .nii, .nii.gz, .hdr, .nrrd or .nhdr; open DICOM"
            + " and TIFF through ImageJ)");
  }
}
