package org.habitatj.ij;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.habitatj.core.image.Volume;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.MedicalImageReader;
import org.habitatj.io.VoxelType;

/**
 * Opens any image file HabitatJ supports, headless: NIfTI-1 and NRRD with HabitatJ's readers;
 * DICOM files and series folders with {@link DicomSeries}; TIFF (and other formats ImageJ opens)
 * with ImageJ, keeping its calibration.
 */
public final class VolumeFiles {

  private VolumeFiles() {}

  /**
   * Opens an image file or a DICOM series folder as a calibrated volume.
   *
   * @throws ImageFormatException naming the file for missing, unreadable or unsupported input,
   *     multi-channel/time-series images, and images without a physical unit
   */
  public static LoadedImage open(Path path) throws ImageFormatException {
    if (!Files.exists(path)) {
      throw new ImageFormatException(path, "file not found");
    }
    if (!Files.isDirectory(path) && MedicalImageReader.supports(path)) {
      return MedicalImageReader.read(path);
    }
    ImagePlus imp;
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path) || name.endsWith(".dcm") || DicomSeries.hasDicomMagic(path)) {
      imp = DicomSeries.open(path);
    } else {
      imp = IJ.openImage(path.toString());
      if (imp == null) {
        throw new ImageFormatException(path, "ImageJ cannot open this file");
      }
    }
    return fromImagePlus(path, imp);
  }

  /**
   * Wraps an ImagePlus (no copy) as a {@link LoadedImage}.
   *
   * @throws ImageFormatException naming {@code source} if the image cannot be used (multi-channel,
   *     RGB, no physical unit)
   */
  public static LoadedImage fromImagePlus(Path source, ImagePlus imp) throws ImageFormatException {
    Volume v;
    try {
      v = ImagePlusVolumes.wrap(imp);
    } catch (IllegalArgumentException e) {
      throw new ImageFormatException(source, e.getMessage(), e);
    }
    boolean calibrated = imp.getBitDepth() != 32 && imp.getCalibration().calibrated();
    VoxelType t;
    switch (imp.getBitDepth()) {
      case 8:
        t = VoxelType.UINT8;
        break;
      case 16:
        t = imp.getCalibration().isSigned16Bit() ? VoxelType.INT16 : VoxelType.UINT16;
        break;
      default:
        t = VoxelType.FLOAT32;
    }
    // ImageJ's signed-16 convention (raw − 32768) is storage, not scaling
    boolean scaled = calibrated && !(imp.getCalibration().isSigned16Bit()
        && isPureSigned16(imp.getCalibration().getCoefficients()));
    List<String> notes = new ArrayList<>();
    String n = imp.getProp("habitatj.notes");
    if (n != null && !n.isEmpty()) {
      notes.add(n);
    }
    return new LoadedImage(source, v, t, scaled, notes);
  }

  private static boolean isPureSigned16(double[] c) {
    return c != null && c.length >= 2 && c[0] == -32768 && c[1] == 1;
  }
}
