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
}
