package org.habitatj.core.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The peritumoral ring: voxels whose Euclidean distance in millimetres to the tumour is at most d
 * (default 3 mm), minus the tumour.
 *
 * <p>Distance is measured between voxel centres with the grid's spacing, exactly (separable squared
 * Euclidean distance transform, {@link DistanceTransform}); there is no voxel-radius structuring
 * element, so anisotropic voxels give the right physical ring (case C21). A distance within a
 * relative 1e-9 of d counts as ≤ d, so that e.g. 3 × 0.7 mm is inside a 2.1-mm ring despite
 * floating-point rounding.
 *
 * <ul>
 *   <li>{@link Mode#SLICE_2D} (default): each z slice on its own; the ring of a slice comes only from
 *       the tumour in that slice. MRI slices are usually thicker than 3 mm.
 *   <li>{@link Mode#VOLUME_3D}: distance in 3D, so slices above and below within d are included.
 * </ul>
 *
 * <p>The ring is clipped at the image border (no wrap-around), excludes the tumour and every mask
 * given with {@link Builder#exclude(Mask)} (e.g. other labels of the label image, case C02), and is
 * optionally restricted to voxels of one or more masks given with {@link Builder#restrictTo(Mask)}
 * (a body mask from {@link BodyMask} or a user ROI). The ring keeps the tumour's {@link Geometry}
 * (spacing, origin, direction). A warning is given when d is smaller than the spacing along an axis
 * used (the ring cannot reach the neighbouring voxel along that axis).
 *
 * <p>Usage: {@code PeritumoralRing.builder().distanceMm(3).mode(Mode.SLICE_2D).build().compute(tumour)}.
 */
public final class PeritumoralRing {

  /** 2D per slice or 3D. */
  public enum Mode {
    /** Distances within each z slice only (default). */
    SLICE_2D,
    /** Distances in 3D. */
    VOLUME_3D
  }

  /** Message of an empty ring when the ROI leaves no voxel within d (case C05). */
  public static final String EMPTY_TOUCHES_BORDERS = "ring is empty (ROI touches every image border)";

  /**
   * The ring and what happened while making it.
   *
   * @param mask the ring, on the tumour's geometry (may be empty)
   * @param grownVoxels voxels within d of the tumour, tumour excluded, before other exclusions
   * @param excludedVoxels of those, voxels removed because they belong to an excluded mask
   * @param outsideRestrictionVoxels of the rest, voxels removed as outside the restriction masks
   * @param warnings warnings (d smaller than a spacing, empty ring), in order
   * @param emptyMessage {@code null} when the ring has voxels, else why it is empty
   */
  public record Result(Mask mask, int grownVoxels, int excludedVoxels,
      int outsideRestrictionVoxels, List<String> warnings, String emptyMessage) {
    /** Ring voxels. */
    public int voxels() {
      return mask.count();
    }

    public boolean isEmpty() {
      return emptyMessage != null;
    }
  }

  /** Builder; defaults: 3 mm, {@link Mode#SLICE_2D}, nothing excluded, no restriction. */
  public static final class Builder {
    private double distanceMm = 3.0;
    private Mode mode = Mode.SLICE_2D;
    private final List<Mask> exclude = new ArrayList<>();
    private final List<Mask> restrict = new ArrayList<>();

    /**
     * @param d ring width in mm (&gt; 0, finite)
     * @throws IllegalArgumentException otherwise
     */
    public Builder distanceMm(double d) {
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("ring distance must be a positive number of mm, got " + d);
      }
      this.distanceMm = d;
      return this;
    }

    public Builder mode(Mode m) {
      this.mode = m;
      return this;
    }

    /** Voxels of {@code m} are never in the ring (other labels, other organs). */
    public Builder exclude(Mask m) {
      exclude.add(m);
      return this;
    }

    /** The ring is kept only inside {@code m} (body mask, user ROI); several masks intersect. */
    public Builder restrictTo(Mask m) {
      restrict.add(m);
      return this;
    }

    public PeritumoralRing build() {
      return new PeritumoralRing(this);
    }
  }

  private final double distanceMm;
  private final Mode mode;
  private final List<Mask> exclude;
  private final List<Mask> restrict;

  private PeritumoralRing(Builder b) {
    this.distanceMm = b.distanceMm;
    this.mode = b.mode;
    this.exclude = List.copyOf(b.exclude);
    this.restrict = List.copyOf(b.restrict);
  }

  public static Builder builder() {
    return new Builder();
  }

  public double distanceMm() {
    return distanceMm;
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Grows the ring around {@code tumour}.
   *
   * @param tumour the tumour ROI (one label already selected)
   * @return the ring with counts and warnings; an empty ring is a result with {@link
   *     Result#emptyMessage()}, not an exception
   * @throws IllegalArgumentException if the tumour is empty, or an excluded/restriction mask is on
   *     another grid (both geometries are printed)
   */
  public Result compute(Mask tumour) {
    Geometry g = tumour.geometry();
    if (tumour.isEmpty()) {
      throw new IllegalArgumentException("tumour mask is empty: cannot grow a peritumoral ring");
    }
    for (Mask m : exclude) {
      checkGrid(g, m, "excluded mask");
    }
    for (Mask m : restrict) {
      checkGrid(g, m, "restriction mask");
    }
    List<String> warnings = new ArrayList<>();
    String[] axis = {"x", "y", "z"};
    int axes = mode == Mode.VOLUME_3D ? 3 : 2;
    boolean reachesAny = false;
    for (int a = 0; a < axes; a++) {
      if (g.size(a) == 1) {
        continue;
      }
      if (distanceMm < g.spacing(a) * (1 - 1e-9)) {
        warnings.add(String.format(Locale.ROOT,
            "ring distance %s mm is smaller than the voxel spacing along %s (%s mm): "
                + "the ring does not extend along %s", fmt(distanceMm), axis[a],
            fmt(g.spacing(a)), axis[a]));
      } else {
        reachesAny = true;
      }
    }
    int[] s = g.size();
    int[] bb = tumour.boundingBox();
    // work on the tumour bounding box grown by the reach along each axis, clipped to the image
    int[] lo = new int[3];
    int[] hi = new int[3];
    List<String> clipped = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      int reach = (a < axes) ? (int) Math.floor(distanceMm / g.spacing(a) * (1 + 1e-9)) : 0;
      lo[a] = Math.max(0, bb[a] - reach);
      hi[a] = Math.min(s[a] - 1, bb[a + 3] + reach);
      if (reach > 0 && (bb[a] - reach < 0 || bb[a + 3] + reach > s[a] - 1)) {
        clipped.add(axis[a]);
      }
    }
    int cx = hi[0] - lo[0] + 1;
    int cy = hi[1] - lo[1] + 1;
    int cz = hi[2] - lo[2] + 1;
    byte[] crop = new byte[cx * cy * cz];
    byte[] t = tumour.data();
    for (int z = 0; z < cz; z++) {
      for (int y = 0; y < cy; y++) {
        System.arraycopy(t, g.index(lo[0], lo[1] + y, lo[2] + z), crop, (z * cy + y) * cx, cx);
      }
    }
    double[] d2 = DistanceTransform.squaredMm(crop, cx, cy, cz, g.spacing(),
        mode == Mode.VOLUME_3D);
    double limit = distanceMm * distanceMm * (1 + 1e-9);
    byte[] ring = new byte[t.length];
    int grown = 0;
    int excluded = 0;
    int outside = 0;
    for (int z = 0, c = 0; z < cz; z++) {
      for (int y = 0; y < cy; y++) {
        int i = g.index(lo[0], lo[1] + y, lo[2] + z);
        for (int x = 0; x < cx; x++, c++, i++) {
          if (crop[c] != 0 || !(d2[c] <= limit)) {
            continue;
          }
          grown++;
          if (inAny(exclude, i)) {
            excluded++;
          } else if (!inAll(restrict, i)) {
            outside++;
          } else {
            ring[i] = 1;
          }
        }
      }
    }
    Mask mask = new Mask(ring, g);
    if (!clipped.isEmpty() && !mask.isEmpty()) {
      warnings.add("the ring reaches the image border along " + String.join(", ", clipped)
          + " and is clipped there (thinner than " + fmt(distanceMm) + " mm on that side)");
    }
    String empty = null;
    if (mask.isEmpty()) {
      if (grown == 0) {
        empty = reachesAny ? EMPTY_TOUCHES_BORDERS
            : "ring is empty (ring distance " + fmt(distanceMm)
                + " mm is smaller than the voxel spacing along every axis used)";
      } else {
        empty = "ring is empty after removing " + excluded + " voxel(s) of excluded masks and "
            + outside + " voxel(s) outside the restriction mask(s)";
      }
      warnings.add(empty);
    }
    return new Result(mask, grown, excluded, outside, Collections.unmodifiableList(warnings),
        empty);
  }

  private static boolean inAny(List<Mask> ms, int i) {
    for (Mask m : ms) {
      if (m.contains(i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inAll(List<Mask> ms, int i) {
    for (Mask m : ms) {
      if (!m.contains(i)) {
        return false;
      }
    }
    return true;
  }

  private static void checkGrid(Geometry g, Mask m, String what) {
    if (!g.sameGrid(m.geometry())) {
      throw new IllegalArgumentException(what + " is on another grid than the tumour: tumour "
          + g.describe() + "; " + what + " " + m.geometry().describe());
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
  }
}
