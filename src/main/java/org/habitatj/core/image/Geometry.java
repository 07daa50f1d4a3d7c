package org.habitatj.core.image;

import java.util.Arrays;
import java.util.Locale;

/**
 * The voxel grid of a 3D volume: size, voxel spacing, origin and direction, in HabitatJ's world
 * convention.
 *
 * <ul>
 *   <li>Axis order is (x, y, z): x is the fastest-varying index in memory, as in ImageJ stacks,
 *       ImgLib2, NIfTI and NRRD files. A 2D image is a volume with {@code size[2] == 1}.
 *   <li>Spacing is in millimetres per voxel along each axis (always positive).
 *   <li>World coordinates are <b>LPS</b> millimetres (DICOM / ITK / PyRadiomics convention). Readers
 *       of RAS formats (NIfTI) negate the first two world coordinates.
 *   <li>{@code direction} is a 3×3 matrix stored row-major; its <i>column</i> j is the unit vector
 *       of index axis j in world space. World position of voxel index (i, j, k) is {@code origin +
 *       D · diag(spacing) · (i, j, k)}.
 * </ul>
 *
 * <p>Instances are immutable; arrays are defensively copied.
 */
public final class Geometry {

  /** Relative tolerance used by {@link #sameGrid(Geometry)} (case C13: float32 rounding passes). */
  public static final double DEFAULT_TOLERANCE = 1e-5;

  private final int[] size;
  private final double[] spacing;
  private final double[] origin;
  private final double[] direction;

  /**
   * @param size number of voxels along x, y, z (each ≥ 1)
   * @param spacing voxel size in mm along x, y, z (each &gt; 0 and finite)
   * @param origin world (LPS, mm) position of the centre of voxel (0, 0, 0)
   * @param direction 3×3 row-major direction cosines, columns = axis directions
   * @throws IllegalArgumentException if an array has the wrong length or a value is out of range
   */
  public Geometry(int[] size, double[] spacing, double[] origin, double[] direction) {
    if (size == null || size.length != 3) {
      throw new IllegalArgumentException("size must have 3 entries (x, y, z)");
    }
    if (spacing == null || spacing.length != 3) {
      throw new IllegalArgumentException("spacing must have 3 entries (x, y, z)");
    }
    if (origin == null || origin.length != 3) {
      throw new IllegalArgumentException("origin must have 3 entries (x, y, z)");
    }
    if (direction == null || direction.length != 9) {
      throw new IllegalArgumentException("direction must be a 3x3 matrix (9 entries, row-major)");
    }
    for (int d = 0; d < 3; d++) {
      if (size[d] < 1) {
        throw new IllegalArgumentException("size[" + d + "] = " + size[d] + " must be >= 1");
      }
      if (!(spacing[d] > 0) || Double.isInfinite(spacing[d])) {
        throw new IllegalArgumentException(
            "spacing[" + d + "] = " + spacing[d] + " mm must be positive and finite");
      }
    }
    this.size = size.clone();
    this.spacing = spacing.clone();
    this.origin = origin.clone();
    this.direction = direction.clone();
  }

  /** A grid with identity direction and origin (0, 0, 0). */
  public static Geometry of(int[] size, double[] spacing) {
    return new Geometry(size, spacing, new double[3], identity());
  }

  /** The 3×3 identity matrix, row-major. */
  public static double[] identity() {
    return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
  }

  public int[] size() {
    return size.clone();
  }

  public int size(int axis) {
    return size[axis];
  }

  public double[] spacing() {
    return spacing.clone();
  }

  public double spacing(int axis) {
    return spacing[axis];
  }

  public double[] origin() {
    return origin.clone();
  }

  public double[] direction() {
    return direction.clone();
  }

  /** Number of voxels, size x · y · z. */
  public long voxelCount() {
    return (long) size[0] * size[1] * size[2];
  }

  /** Volume of one voxel in mm³. */
  public double voxelVolume() {
    return spacing[0] * spacing[1] * spacing[2];
  }

  /** Linear index of (x, y, z), x fastest. */
  public int index(int x, int y, int z) {
    return x + size[0] * (y + size[1] * z);
  }

  /** A copy with another size (e.g. one slice), same spacing, origin and direction. */
  public Geometry withSize(int[] newSize) {
    return new Geometry(newSize, spacing, origin, direction);
  }

  /** A copy with another origin. */
  public Geometry withOrigin(double[] newOrigin) {
    return new Geometry(size, spacing, newOrigin, direction);
  }

  /** A copy with another spacing. */
  public Geometry withSpacing(double[] newSpacing) {
    return new Geometry(size, newSpacing, origin, direction);
  }

  /** World (LPS, mm) position of a continuous index (i, j, k). */
  public double[] indexToWorld(double i, double j, double k) {
    double[] idx = {i * spacing[0], j * spacing[1], k * spacing[2]};
    double[] w = new double[3];
    for (int r = 0; r < 3; r++) {
      w[r] = origin[r] + direction[3 * r] * idx[0] + direction[3 * r + 1] * idx[1]
          + direction[3 * r + 2] * idx[2];
    }
    return w;
  }

  /**
   * The sub-grid of the box starting at index {@code (x0, y0, z0)} with the given size: same
   * spacing and direction, origin moved to the world position of that corner voxel.
   */
  public Geometry subGrid(int x0, int y0, int z0, int[] subSize) {
    return new Geometry(subSize, spacing, indexToWorld(x0, y0, z0), direction);
  }

  /**
   * Whether two grids are the same within {@link #DEFAULT_TOLERANCE}: equal sizes; spacing equal
   * relative to the spacing; origin equal relative to the largest spacing; direction cosines equal
   * within the tolerance.
   */
  public boolean sameGrid(Geometry other) {
    return sameGrid(other, DEFAULT_TOLERANCE);
  }

  /** As {@link #sameGrid(Geometry)} with an explicit relative tolerance. */
  public boolean sameGrid(Geometry other, double tol) {
    if (!Arrays.equals(size, other.size)) {
      return false;
    }
    double maxSpacing = 0;
    for (int d = 0; d < 3; d++) {
      double a = spacing[d];
      double b = other.spacing[d];
      if (Math.abs(a - b) > tol * Math.max(Math.abs(a), Math.abs(b))) {
        return false;
      }
      maxSpacing = Math.max(maxSpacing, a);
    }
    for (int d = 0; d < 3; d++) {
      if (Math.abs(origin[d] - other.origin[d]) > tol * maxSpacing) {
        return false;
      }
    }
    for (int i = 0; i < 9; i++) {
      if (Math.abs(direction[i] - other.direction[i]) > tol) {
        return false;
      }
    }
    return true;
  }

  /** Human-readable description used in error messages, e.g. for geometry mismatches. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "size %d×%d×%d, spacing (%s, %s, %s) mm, origin (%s, %s, %s) mm LPS, direction %s",
        size[0], size[1], size[2],
        fmt(spacing[0]), fmt(spacing[1]), fmt(spacing[2]),
        fmt(origin[0]), fmt(origin[1]), fmt(origin[2]),
        Arrays.toString(Arrays.stream(direction).mapToObj(Geometry::fmt).toArray()));
  }

  private static String fmt(double v) {
    // -0 (e.g. a direction cosine -0.0 from a NIfTI qform) prints as 0
    String s = String.format(Locale.ROOT, "%.9g", v == 0 ? 0.0 : v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exponent = e < 0 ? "" : s.substring(e);
    if (mantissa.indexOf('.') >= 0) {
      // strip trailing zeros of the mantissa only (an exponent such as e-10 keeps its zero)
      mantissa = mantissa.replaceAll("\\.?0+$", "");
    }
    return mantissa + exponent;
  }

  @Override
  public String toString() {
    return describe();
  }
}
