package org.habitatj.core.progress;

/**
 * Progress and cancellation channel between a long-running core algorithm and its caller (a Fiji
 * command, a batch macro, a test). Core code reports through this interface only; it never touches
 * ImageJ's status bar itself.
 *
 * <p>Implementations must be thread-safe: algorithms that use several threads may call {@link
 * #fraction(double)} from any of them.
 */
public interface Progress {

  /** A progress sink that ignores everything and is never cancelled. */
  Progress NONE =
      new Progress() {
        @Override
        public void status(String message) {}

        @Override
        public void fraction(double done) {}

        @Override
        public boolean isCanceled() {
          return false;
        }
      };

  /** Reports a short human-readable status line, e.g. "GLCM maps: slice 3/25". */
  void status(String message);

  /** Reports the fraction of the work done, in [0, 1]. */
  void fraction(double done);

  /** Whether the user asked to stop. Algorithms poll this and throw {@link CanceledException}. */
  boolean isCanceled();

  /**
   * Throws {@link CanceledException} when the user asked to stop; algorithms call this at safe
   * points (between slices, batches of voxels, K-means restarts).
   */
  default void checkCanceled() {
    if (isCanceled()) {
      throw new CanceledException();
    }
  }

  /**
   * A view of this progress for one stage of a longer job: the stage's fractions 0..1 are mapped
   * to {@code from..to} of this progress; status lines and cancellation pass through.
   *
   * @param from fraction of the whole job at the start of the stage, in [0, 1]
   * @param to fraction at its end, in [from, 1]
   */
  default Progress range(double from, double to) {
    Progress p = this;
    return new Progress() {
      @Override
      public void status(String message) {
        p.status(message);
      }

      @Override
      public void fraction(double done) {
        p.fraction(from + (to - from) * done);
      }

      @Override
      public boolean isCanceled() {
        return p.isCanceled();
      }
    };
  }
}
