package org.habitatj.core.features;

import java.util.List;

/**
 * The bin edges of a discretisation and the rule that maps an intensity to a grey level. Computed
 * once (usually over the whole ROI, see {@link Discretizer#edges}) and then reused, so that the
 * whole-ROI path and the sliding-window path put every intensity in the same bin (case C07).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>PyRadiomics fixed bin width and fixed bin count</b> ({@link Kind#EDGES}): the level of x
 *       is the number of edges ≤ x, exactly {@code numpy.digitize(x, edges)} for increasing edges
 *       (equivalently {@code searchsorted(edges, x, side='right')}). A value exactly on an edge
 *       goes to the bin that starts at that edge. The edges themselves are the doubles numpy
 *       produces (see {@link Discretizer}), so the levels are bit-identical to PyRadiomics'.
 *   <li><b>IBSI fixed bin size</b> ({@link Kind#IBSI_FBS}): level = ⌊(x − x_min)/w⌋ + 1 evaluated in
 *       IEEE double, exactly the IBSI formula (IBSI-1 section 2.7). Note (C07): in double, (0.15 −
 *       0.05)/0.1 = 0.999… so 0.15 gets level 1 with x_min 0.05; use PyRadiomics edges when values
 *       sit on bin boundaries.
 * </ul>
 *
 * @param kind which rule
 * @param edges the increasing edges for {@link Kind#EDGES}; {x_min, w} for {@link Kind#IBSI_FBS}
 * @param bins the number of bins (the largest level the rule can give for the ROI it was made
 *     from)
 * @param warnings warnings raised while computing the edges (e.g. many grey levels); never null
 */
public record BinEdges(Kind kind, double[] edges, int bins, List<String> warnings) {

  /** The level rule. */
  public enum Kind {
    /** numpy.digitize over explicit edges (PyRadiomics binWidth and binCount). */
    EDGES,
    /** IBSI fixed bin size: ⌊(x − x_min)/w⌋ + 1. */
    IBSI_FBS
  }

  public BinEdges {
    warnings = List.copyOf(warnings);
    if (kind == Kind.EDGES && edges.length < 2) {
      throw new IllegalArgumentException("bin edges need at least 2 values, got " + edges.length);
    }
  }

  /**
   * Grey level of an intensity: for {@link Kind#EDGES} the number of edges ≤ x (0 below the first
   * edge, {@code edges.length} at or above the last); for {@link Kind#IBSI_FBS} ⌊(x −
   * x_min)/w⌋ + 1.
   */
  public int level(double x) {
    if (kind == Kind.IBSI_FBS) {
      return (int) Math.floor((x - edges[0]) / edges[1]) + 1;
    }
    return digitize(edges, x);
  }

  /**
   * numpy.digitize for increasing edges: number of edges ≤ x. Binary search (edges are few); a
   * NaN x gives {@code edges.length} like numpy.
   */
  static int digitize(double[] edges, double x) {
    int lo = 0;
    int hi = edges.length;
    if (Double.isNaN(x)) {
      return hi;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The lower edge of the first bin (PyRadiomics lowBound, or x_min for IBSI). */
  public double lowerBound() {
    return edges[0];
  }
}
