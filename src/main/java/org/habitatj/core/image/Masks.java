package org.habitatj.core.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Turns label images into {@link Mask}s and checks masks against images.
 *
 * <p>Label selection policy (cases C01, C03, C05):
 *
 * <ul>
 *   <li>{@link LabelChoice#label(int) label N}: voxels equal to N. If N does not occur, a {@link
 *       MaskException} ({@code LABEL_ABSENT}) names the labels that do occur; if the image has no
 *       non-zero voxel at all, the message is "mask is empty for label N" ({@code EMPTY}).
 *   <li>{@link LabelChoice#auto() auto} (the default when the user gives no label): the only
 *       non-zero label, and the result's {@link MaskSelection#message()} says which label was
 *       chosen. Several non-zero labels → {@code AMBIGUOUS_LABEL} listing them. Works for 0/1,
 *       0/255 and float 0.0/1.0 masks alike.
 *   <li>{@link LabelChoice#nonzero() nonzero}: every voxel whose value is not 0 (and not NaN),
 *       whatever its value; the only mode that accepts non-integer masks such as 0/0.00392 (a
 *       normalised 0/255 mask).
 * </ul>
 *
 * In the label and auto modes, a mask holding any non-integer value is refused with {@code
 * NON_INTEGER_VALUES} and the values found are listed, so that a float mask is never binarised
 * silently.
 */
public final class Masks {

  /** At most this many distinct values are listed in messages. */
  private static final int MAX_LISTED = 20;

  private Masks() {}

  /** Which voxels of a label image form the ROI. */
  public static final class LabelChoice {
    private final Integer label;
    private final boolean nonzero;

    private LabelChoice(Integer label, boolean nonzero) {
      this.label = label;
      this.nonzero = nonzero;
    }

    /** Voxels equal to {@code label} (e.g. 1, 2, 255). */
    public static LabelChoice label(int label) {
      return new LabelChoice(label, false);
    }

    /** The only non-zero label; error if there are several. */
    public static LabelChoice auto() {
      return new LabelChoice(null, false);
    }

    /** Every non-zero voxel, whatever its value (accepts non-integer masks). */
    public static LabelChoice nonzero() {
      return new LabelChoice(null, true);
    }

    /** The explicit label, or {@code null} for auto / nonzero. */
    public Integer explicitLabel() {
      return label;
    }

    public boolean isNonzero() {
      return nonzero;
    }

    @Override
    public String toString() {
      return nonzero ? "nonzero" : label == null ? "auto" : "label " + label;
    }
  }

  /**
   * The outcome of a label selection.
   *
   * @param mask the 0/1 ROI (never empty)
   * @param label the label used, or {@code null} in nonzero mode
   * @param autoChosen whether the label was chosen automatically (auto mode)
   * @param labelsPresent the distinct non-zero values found (sorted; at most 1000 listed)
   * @param message a sentence to show the user when something was decided for them (auto choice),
   *     else {@code null}
   */
  public record MaskSelection(
      Mask mask, Integer label, boolean autoChosen, List<Double> labelsPresent, String message) {}

  /**
   * Builds the ROI of a label image.
   *
   * @param labels label image (any real type; values compared as doubles)
   * @param choice label, auto or nonzero
   * @return the mask and how it was chosen
   * @throws MaskException LABEL_ABSENT, AMBIGUOUS_LABEL, NON_INTEGER_VALUES or EMPTY as described
   *     in the class documentation
   */
  public static MaskSelection fromLabelImage(Volume labels, LabelChoice choice) {
    Geometry g = labels.geometry();
    int n = Math.toIntExact(g.voxelCount());
    double[] v = new double[n];
    Cursor<? extends RealType<?>> c = Views.flatIterable(labels.values()).cursor();
    TreeSet<Double> distinct = new TreeSet<>();
    boolean nonInteger = false;
    boolean truncated = false;
    double last = Double.NaN;
    for (int i = 0; i < n; i++) {
      double x = c.next().getRealDouble();
      v[i] = x;
      if (x != 0 && !Double.isNaN(x) && x != last) {
        last = x;
        if (distinct.size() < 1000) {
          distinct.add(x);
        } else if (!distinct.contains(x)) {
          truncated = true;
        }
        if (x != Math.rint(x) || Double.isInfinite(x)) {
          nonInteger = true;
        }
      }
    }
    List<Double> present = new ArrayList<>(distinct);
    byte[] m = new byte[n];
    if (choice.isNonzero()) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (v[i] != 0 && !Double.isNaN(v[i])) {
          m[i] = 1;
          count++;
        }
      }
      if (count == 0) {
        throw new MaskException(MaskException.Reason.EMPTY, "mask is empty (all voxels are 0)");
      }
      return new MaskSelection(new Mask(m, g), null, false, present, null);
    }
    if (nonInteger) {
      TreeSet<Double> withZero = new TreeSet<>(distinct);
      withZero.add(0.0);
      throw new MaskException(
          MaskException.Reason.NON_INTEGER_VALUES,
          "mask has non-integer values " + listValues(withZero, truncated)
              + "; a label mask must hold integer labels. If every non-zero voxel belongs to "
              + "the ROI, use 'nonzero = ROI' (label choice 'nonzero')");
    }
    Integer label = choice.explicitLabel();
    boolean auto = label == null;
    if (auto) {
      if (present.isEmpty()) {
        throw new MaskException(MaskException.Reason.EMPTY, "mask is empty (all voxels are 0)");
      }
      if (present.size() > 1) {
        throw new MaskException(
            MaskException.Reason.AMBIGUOUS_LABEL,
            "mask has several labels " + listValues(distinct, truncated)
                + "; choose one with the 'label' setting");
      }
      double only = present.get(0);
      if (only < Integer.MIN_VALUE || only > Integer.MAX_VALUE) {
        throw new MaskException(
            MaskException.Reason.NON_INTEGER_VALUES, "mask label " + only + " is out of range");
      }
      label = (int) only;
    } else if (!distinct.contains((double) label)) {
      if (present.isEmpty()) {
        throw new MaskException(
            MaskException.Reason.EMPTY, "mask is empty for label " + label + " (all voxels are 0)");
      }
      throw new MaskException(
          MaskException.Reason.LABEL_ABSENT,
          "label " + label + " is not present in the mask; labels present: "
              + listValues(distinct, truncated)
              + (present.size() == 1 ? " (set label = " + fmt(present.get(0)) + ")" : ""));
    }
    double target = label;
    for (int i = 0; i < n; i++) {
      if (v[i] == target) {
        m[i] = 1;
      }
    }
    Mask mask = new Mask(m, g);
    String message = auto
        ? "no label given: using label " + label + ", the only non-zero label in the mask ("
            + mask.count() + " voxels)"
        : null;
    return new MaskSelection(mask, label, auto, Collections.unmodifiableList(present), message);
  }

  private static String listValues(TreeSet<Double> values, boolean truncated) {
    List<String> s = values.stream().limit(MAX_LISTED).map(Masks::fmt)
        .collect(Collectors.toList());
    String more = values.size() > MAX_LISTED || truncated ? ", …" : "";
    return "{" + String.join(", ", s) + more + "}";
  }

  private static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+(?=$|e)", "");
  }

  // ------------------------------------------------------------------ geometry

  /**
   * Checks that a mask lies on the image's grid (size, spacing, origin, direction within {@link
   * Geometry#DEFAULT_TOLERANCE}, case C13).
   *
   * @param image the image grid
   * @param mask the mask grid
   * @param imageName name of the image (file name) for the message
   * @param maskName name of the mask (file name) for the message
   * @throws MaskException GEOMETRY_MISMATCH printing both geometries and a hint about resampling
   */
  public static void checkSameGrid(Geometry image, Geometry mask, String imageName,
      String maskName) {
    if (!image.sameGrid(mask)) {
      throw new MaskException(
          MaskException.Reason.GEOMETRY_MISMATCH,
          "image and mask are not on the same voxel grid (relative tolerance "
              + Geometry.DEFAULT_TOLERANCE + "):\n  " + gridLabel("image", imageName) + ": " + image.describe()
              + "\n  " + gridLabel("mask ", maskName) + ": " + mask.describe()
              + "\nCheck that the mask was made on this image; if it is on purpose, resample "
              + "the mask onto the image grid (nearest neighbour).");
    }
  }

  /**
   * "image NAME", or NAME alone when it already starts with the role word (so a caller passing
   * "image" or "mask 'x'" does not give "image image" or "mask mask 'x'").
   */
  private static String gridLabel(String role, String name) {
    String r = role.trim();
    if (name == null || name.isBlank()) {
      return role;
    }
    String n = name.trim();
    if (n.equalsIgnoreCase(r) || n.toLowerCase(java.util.Locale.ROOT).startsWith(r + " ")) {
      return n.length() == r.length() ? role : n;
    }
    return role + " " + n;
  }

  /**
   * Nearest-neighbour resampling of a mask onto another grid: each target voxel takes the value of
   * the source voxel whose centre is nearest to the target voxel's centre in world (LPS mm)
   * coordinates; target voxels outside the source grid are 0. Continuous source indices are
   * rounded half up ({@code floor(x + 0.5)}). Directions must be orthonormal (as in every {@link
   * Geometry} a reader builds).
   *
   * @param mask the source mask
   * @param target the grid to resample onto (normally the image's)
   * @return a new mask on {@code target}
   */
  public static Mask resampleNearest(Mask mask, Geometry target) {
    Geometry src = mask.geometry();
    int[] ts = target.size();
    int[] ss = src.size();
    double[] sd = src.direction();
    double[] so = src.origin();
    double[] sp = src.spacing();
    byte[] in = mask.data();
    byte[] out = new byte[Math.toIntExact(target.voxelCount())];
    int i = 0;
    for (int z = 0; z < ts[2]; z++) {
      for (int y = 0; y < ts[1]; y++) {
        for (int x = 0; x < ts[0]; x++, i++) {
          double[] w = target.indexToWorld(x, y, z);
          double dx = w[0] - so[0];
          double dy = w[1] - so[1];
          double dz = w[2] - so[2];
          // index = diag(1/spacing) · Dᵀ · (w − origin), D orthonormal
          long ix = Math.round(Math.floor(
              (sd[0] * dx + sd[3] * dy + sd[6] * dz) / sp[0] + 0.5 + 1e-9));
          long iy = Math.round(Math.floor(
              (sd[1] * dx + sd[4] * dy + sd[7] * dz) / sp[1] + 0.5 + 1e-9));
          long iz = Math.round(Math.floor(
              (sd[2] * dx + sd[5] * dy + sd[8] * dz) / sp[2] + 0.5 + 1e-9));
          if (ix >= 0 && iy >= 0 && iz >= 0 && ix < ss[0] && iy < ss[1] && iz < ss[2]) {
            out[i] = in[src.index((int) ix, (int) iy, (int) iz)];
          }
        }
      }
    }
    return new Mask(out, target);
  }
}
