package org.habitatj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.Prefs;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.plugin.DICOM;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.habitatj.core.image.Geometry;
import org.habitatj.io.ImageFormatException;

/**
 * Opens DICOM images through ImageJ 1.x's own decoder ({@link DICOM}) and builds a correctly
 * ordered, calibrated stack with the full LPS geometry.
 *
 * <ul>
 *   <li>A folder is one series: every file with the DICOM magic ("DICM" at byte 128) is a slice;
 *       other files are skipped. Slices are sorted by the projection of ImagePositionPatient
 *       (0020,0032) onto the slice normal (row cosines × column cosines from
 *       ImageOrientationPatient 0020,0037), and the slice spacing is the (uniform) distance
 *       between consecutive positions, not SliceThickness.
 *   <li>Geometry (DICOM patient space is LPS): direction columns = row cosines (x), column
 *       cosines (y), normal (z); spacing x = PixelSpacing[1] (between columns), y =
 *       PixelSpacing[0] (between rows); origin = position of the first sorted slice. Voxel (x, y)
 *       = (column, row) of the stored pixel data, never flipped.
 *   <li>Intensities: ImageJ's calibration (16-bit signed data as raw − 32768, RescaleSlope and
 *       RescaleIntercept as a straight-line function) is kept, so {@link
 *       ImagePlusVolumes#wrap(ImagePlus)} gives modality values (case C16). If the slices have
 *       different calibrations, the stack is converted to 32-bit holding the calibrated values.
 *   <li>Files ImageJ cannot decode (compressed transfer syntaxes such as RLE, JPEG-LS, JPEG 2000)
 *       and files whose pixel data are truncated give an {@link ImageFormatException} naming the
 *       file and the transfer syntax.
 * </ul>
 */
public final class DicomSeries {

  private static final Pattern TS = Pattern.compile("1\\.2\\.840\\.10008\\.1\\.2[0-9.]*");

  private DicomSeries() {}

  /**
   * Opens a DICOM file or a folder holding one series.
   *
   * @return a calibrated ImagePlus (unit mm) with the geometry stored (see {@link
   *     ImagePlusVolumes#setGeometry})
   * @throws ImageFormatException naming the file for missing, undecodable, truncated or
   *     inconsistent input
   */
  public static ImagePlus open(Path fileOrFolder) throws ImageFormatException {
    if (!Files.exists(fileOrFolder)) {
      throw new ImageFormatException(fileOrFolder, "file or folder not found");
    }
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted().forEach(files::add);
      } catch (IOException e) {
        throw new ImageFormatException(fileOrFolder, "cannot list the folder: " + e.getMessage());
      }
      files.removeIf(p -> !hasDicomMagic(p));
      if (files.isEmpty()) {
        throw new ImageFormatException(fileOrFolder, "no DICOM files in this folder"
            + seriesSubfolders(fileOrFolder));
      }
      // non-image objects (RTSTRUCT, SR, presentation states …) have no Pixel Data element
      files.removeIf(p -> !hasPixelData(p));
      if (files.isEmpty()) {
        throw new ImageFormatException(
            fileOrFolder, "the DICOM files in this folder hold no image (e.g. only RTSTRUCT)");
      }
    } else {
      if (!hasDicomMagic(fileOrFolder)) {
        throw new ImageFormatException(fileOrFolder, "not a DICOM file (no 'DICM' at byte 128)");
      }
      if (!hasPixelData(fileOrFolder)) {
        throw new ImageFormatException(
            fileOrFolder, "DICOM file holds no image (no Pixel Data; e.g. an RTSTRUCT)");
      }
      files.add(fileOrFolder);
    }
    List<Slice> slices = new ArrayList<>();
    for (Path f : files) {
      slices.add(openSlice(f));
    }
    return assemble(fileOrFolder, slices);
  }

  private static final class Slice {
    Path file;
    ImagePlus imp;
    double[] position;
    double[] orientation;
    double[] pixelSpacing;
    double along;
  }

  private static Slice openSlice(Path f) throws ImageFormatException {
    DICOM d = new DICOM();
    synchronized (DicomSeries.class) {
      // ImageJ applies a rescale slope (and "open as 32-bit") through IJ.run("32-bit") and
      // "Multiply...", which needs the GUI menus and fails headless; we open the stored values
      // and apply RescaleSlope/Intercept ourselves as a calibration function (same result for
      // every ImageJ preference, case C16).
      boolean ignore = Prefs.ignoreRescaleSlope;
      boolean asFloat = Prefs.openDicomsAsFloat;
      try {
        Prefs.ignoreRescaleSlope = true;
        Prefs.openDicomsAsFloat = false;
        d.open(f.toString());
      } finally {
        Prefs.ignoreRescaleSlope = ignore;
        Prefs.openDicomsAsFloat = asFloat;
      }
    }
    String ts = transferSyntax(f);
    if (d.getWidth() == 0 || d.getStackSize() == 0 || d.getProcessor() == null) {
      throw new ImageFormatException(
          f, "ImageJ cannot decode this DICOM file (transfer syntax " + describe(ts)
              + "); convert it to uncompressed DICOM (e.g. with dcmdjpeg / gdcmconv --raw) or "
              + "to NIfTI");
    }
    FileInfo fi = d.getOriginalFileInfo();
    if (fi != null && fi.compression == FileInfo.COMPRESSION_NONE) {
      long need = fi.offset + (long) fi.width * fi.height * fi.nImages * fi.getBytesPerPixel();
      long have;
      try {
        have = Files.size(f);
      } catch (IOException e) {
        throw new ImageFormatException(f, "cannot read: " + e.getMessage());
      }
      if (have < need) {
        throw new ImageFormatException(
            f, "truncated: pixel data need " + (need - fi.offset) + " bytes, the file holds "
                + Math.max(0, have - fi.offset));
      }
    }
    if (d.getNChannels() > 1 || d.getBitDepth() == 24) {
      throw new ImageFormatException(f, "colour DICOM images are not supported");
    }
    Slice s = new Slice();
    s.file = f;
    s.imp = d;
    String info = (String) d.getProperty("Info");
    s.position = tag(info, "0020,0032", 3);
    s.orientation = tag(info, "0020,0037", 6);
    s.pixelSpacing = tag(info, "0028,0030", 2);
    double[] slope = tag(info, "0028,1053", 1);
    double[] intercept = tag(info, "0028,1052", 1);
    double m = slope == null || slope[0] == 0 ? 1 : slope[0];
    double b = intercept == null ? 0 : intercept[0];
    if (m != 1 || b != 0) {
      Calibration cal = d.getCalibration();
      double[] c = {0, 1};
      if (cal.getFunction() == Calibration.STRAIGHT_LINE && cal.getCoefficients() != null) {
        c = cal.getCoefficients().clone();
      } else if (cal.calibrated()) {
        throw new ImageFormatException(f, "unexpected ImageJ calibration function "
            + cal.getFunction() + " combined with a rescale slope/intercept");
      }
      if (d.getBitDepth() == 32) {
        throw new ImageFormatException(f, "32-bit DICOM with rescale slope/intercept is not "
            + "supported");
      }
      // modality value = slope · (c0 + c1 · raw) + intercept
      cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {m * c[0] + b, m * c[1]},
          "Gray Value");
      d.setCalibration(cal);
    }
    return s;
  }

  private static ImagePlus assemble(Path source, List<Slice> slices) throws ImageFormatException {
    Slice first = slices.get(0);
    int w = first.imp.getWidth();
    int h = first.imp.getHeight();
    double[] ori = first.orientation != null ? first.orientation
        : new double[] {1, 0, 0, 0, 1, 0};
    double[] row = {ori[0], ori[1], ori[2]};
    double[] col = {ori[3], ori[4], ori[5]};
    double[] n = {row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2],
      row[0] * col[1] - row[1] * col[0]};
    for (Slice s : slices) {
      if (s.imp.getWidth() != w || s.imp.getHeight() != h
          || s.imp.getBitDepth() != first.imp.getBitDepth()) {
        throw new ImageFormatException(
            s.file, "slice is " + s.imp.getWidth() + "×" + s.imp.getHeight() + " "
                + s.imp.getBitDepth() + "-bit but " + first.file.getFileName() + " is " + w + "×"
                + h + " " + first.imp.getBitDepth() + "-bit: not one series");
      }
      if (slices.size() > 1 && (s.position == null || s.orientation == null)) {
        throw new ImageFormatException(
            s.file, "no Image Position/Orientation (Patient): cannot order the slices");
      }
      if (s.orientation != null && slices.size() > 1) {
        for (int i = 0; i < 6; i++) {
          if (Math.abs(s.orientation[i] - ori[i]) > 1e-4) {
            throw new ImageFormatException(
                s.file, "Image Orientation (Patient) differs from " + first.file.getFileName()
                    + ": not one series");
          }
        }
      }
      s.along = s.position == null ? 0
          : s.position[0] * n[0] + s.position[1] * n[1] + s.position[2] * n[2];
    }
    slices.sort(Comparator.comparingDouble(s -> s.along));
    first = slices.get(0);
    int frames = first.imp.getStackSize();
    if (slices.size() > 1 && frames > 1) {
      throw new ImageFormatException(source, "a folder of multi-frame DICOM files is not supported");
    }
    double dz;
    List<String> notes = new ArrayList<>();
    if (slices.size() > 1) {
      double[] gaps = new double[slices.size() - 1];
      for (int i = 1; i < slices.size(); i++) {
        gaps[i - 1] = slices.get(i).along - slices.get(i - 1).along;
        if (gaps[i - 1] < 1e-6) {
          throw new ImageFormatException(
              slices.get(i).file, "has the same slice position as "
                  + slices.get(i - 1).file.getFileName()
                  + ": the folder holds more than one series or echo");
        }
      }
      dz = (slices.get(slices.size() - 1).along - slices.get(0).along) / gaps.length;
      for (double g : gaps) {
        if (Math.abs(g - dz) > 1e-3 * dz + 1e-4) {
          throw new ImageFormatException(
              source, "non-uniform slice spacing (gaps " + Arrays.toString(gaps)
                  + " mm): missing slices or mixed series");
        }
      }
    } else {
      dz = first.imp.getCalibration().pixelDepth;
      notes.add("single DICOM file: slice spacing taken from ImageJ's calibration");
    }
    // pixel data and calibration
    Calibration cal0 = first.imp.getCalibration();
    boolean sameCal = true;
    for (Slice s : slices) {
      Calibration c = s.imp.getCalibration();
      if (c.getFunction() != cal0.getFunction()
          || !Arrays.equals(c.getCoefficients(), cal0.getCoefficients())) {
        sameCal = false;
      }
    }
    ImageStack st = new ImageStack(w, h);
    for (Slice s : slices) {
      ImageStack ss = s.imp.getStack();
      for (int k = 1; k <= ss.getSize(); k++) {
        ImageProcessor ip = ss.getProcessor(k);
        if (!sameCal) {
          Calibration c = s.imp.getCalibration();
          float[] px = new float[w * h];
          for (int i = 0; i < px.length; i++) {
            px[i] = (float) c.getCValue((double) ip.get(i));
          }
          ip = new FloatProcessor(w, h, px);
        }
        st.addSlice(s.file.getFileName().toString(), ip);
      }
    }
    ImagePlus imp = new ImagePlus(source.getFileName().toString(), st);
    if (sameCal) {
      imp.setCalibration(cal0.copy());
    } else {
      Calibration c = cal0.copy();
      c.disableDensityCalibration();
      imp.setCalibration(c);
      notes.add("slices have different rescale slope/intercept: converted to 32-bit values");
    }
    imp.setProperty("Info", first.imp.getProperty("Info"));
    double sx = first.pixelSpacing != null ? first.pixelSpacing[1] : cal0.pixelWidth;
    double sy = first.pixelSpacing != null ? first.pixelSpacing[0] : cal0.pixelHeight;
    if (!(dz > 0)) {
      dz = 1;
      notes.add("unknown slice spacing: 1 mm assumed");
    }
    double[] origin = first.position != null ? first.position.clone() : new double[3];
    double[] dir = {row[0], col[0], n[0], row[1], col[1], n[1], row[2], col[2], n[2]};
    Geometry g = new Geometry(new int[] {w, h, st.getSize()}, new double[] {sx, sy, dz}, origin,
        dir);
    ImagePlusVolumes.setGeometry(imp, g);
    if (!notes.isEmpty()) {
      imp.setProp("habitatj.notes", String.join("; ", notes));
    }
    return imp;
  }

  private static double[] tag(String info, String tag, int count) {
    if (info == null) {
      return null;
    }
    for (String line : info.split("\n")) {
      if (line.startsWith(tag)) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          return null;
        }
        String[] t = line.substring(colon + 1).trim().split("\\\\");
        if (t.length < count) {
          return null;
        }
        double[] v = new double[count];
        try {
          for (int i = 0; i < count; i++) {
            v[i] = Double.parseDouble(t[i].trim());
          }
        } catch (NumberFormatException e) {
          return null;
        }
        return v;
      }
    }
    return null;
  }

  /**
   * For a folder without DICOM files: "; subfolders holding DICOM series: a, b/c (give one of them)"
   * listing the subfolders (up to 3 levels down, at most 10 named) that directly hold a DICOM file,
   * or "" when there are none.
   */
  static String seriesSubfolders(Path folder) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(folder, 3)) {
      s.filter(Files::isDirectory).filter(d -> !d.equals(folder)).sorted().forEach(d -> {
        try (Stream<Path> f = Files.list(d)) {
          if (f.filter(Files::isRegularFile).anyMatch(DicomSeries::hasDicomMagic)) {
            found.add(folder.relativize(d).toString());
          }
        } catch (IOException e) {
          // unreadable subfolder: not listed
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
    if (found.isEmpty()) {
      return "";
    }
    String list = String.join(", ", found.subList(0, Math.min(10, found.size())))
        + (found.size() > 10 ? " … (" + found.size() + " in all)" : "");
    return "; subfolders holding DICOM series: " + list + " (give one of them)";
  }

  static boolean hasDicomMagic(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(132);
      return b.length == 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the file contains the Pixel Data tag (7FE0,0010) in either byte order. */
  static boolean hasPixelData(Path p) {
    try {
      byte[] b = Files.readAllBytes(p);
      for (int i = 132; i + 3 < b.length; i++) {
        if ((b[i] == (byte) 0xE0 && b[i + 1] == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0x00)
            || (b[i] == 0x7F && b[i + 1] == (byte) 0xE0 && b[i + 2] == 0x00
                && b[i + 3] == 0x10)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The transfer syntax UID from the file meta header, or "unknown". */
  static String transferSyntax(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(4096);
      Matcher m = TS.matcher(new String(b, StandardCharsets.ISO_8859_1));
      return m.find() ? m.group() : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String describe(String uid) {
    String name;
    switch (uid) {
      case "1.2.840.10008.1.2": name = "Implicit VR Little Endian"; break;
      case "1.2.840.10008.1.2.1": name = "Explicit VR Little Endian"; break;
      case "1.2.840.10008.1.2.2": name = "Explicit VR Big Endian"; break;
      case "1.2.840.10008.1.2.5": name = "RLE Lossless"; break;
      case "1.2.840.10008.1.2.4.80": name = "JPEG-LS Lossless"; break;
      case "1.2.840.10008.1.2.4.81": name = "JPEG-LS Near-Lossless"; break;
      case "1.2.840.10008.1.2.4.90": name = "JPEG 2000 Lossless"; break;
      case "1.2.840.10008.1.2.4.91": name = "JPEG 2000"; break;
      case "1.2.840.10008.1.2.4.50": name = "JPEG Baseline"; break;
      case "1.2.840.10008.1.2.4.57": name = "JPEG Lossless"; break;
      case "1.2.840.10008.1.2.4.70": name = "JPEG Lossless SV1"; break;
      default: name = null;
    }
    return name == null ? uid : name + ", " + uid;
  }
}
